using System.Diagnostics;
using System.Security.Cryptography;
using CustomerAnalytics.Benchmarks.Compare;
using CustomerAnalytics.Benchmarks.Generation;

namespace CustomerAnalytics.Benchmarks;

/// <summary>
/// <c>smoke [--keep]</c>: for CI, in seconds. Generates a tiny data set twice (checks it is byte-identical for the
/// seed, in every format), the same set with realistic ids (CSV), runs <c>compare</c> once per approach on both id
/// styles (checks they agree to the cent, and that both styles give the same figures), <c>compare --job full</c> once
/// per approach (pandas where installed; the overlapping files must equal the library's), and runs every
/// BenchmarkDotNet benchmark once (<c>bench --dry</c>). Exits non-zero on any failure. No timing is asserted.
/// </summary>
internal static class SmokeCommand
{
    public static int Run(Arguments args)
    {
        var keep = args.Flag("keep");
        args.ThrowIfUnused();
        var watch = Stopwatch.StartNew();
        var root = Path.Combine(Path.GetTempPath(), "customer-analytics-smoke-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var first = GeneratorOptions.ForSize(20_000, Path.Combine(root, "a")) with { Formats = OutputFormats.All };
            var files = DataGenerator.Generate(first);
            DataGenerator.Generate(first with { OutputDirectory = Path.Combine(root, "b") });
            foreach (var file in files)
            {
                var twin = Path.Combine(root, "b", Path.GetFileName(file));
                if (!SHA256.HashData(File.ReadAllBytes(file)).AsSpan().SequenceEqual(SHA256.HashData(File.ReadAllBytes(twin))))
                {
                    Console.Error.WriteLine($"smoke: the generator is not deterministic ({Path.GetFileName(file)} differs).");
                    return 1;
                }
            }

            Console.WriteLine($"smoke: generated {files.Count} files twice, identical ({watch.Elapsed.TotalSeconds:F1} s)");

            var realistic = first with { Ids = IdStyle.Realistic, Formats = OutputFormats.Csv, OutputDirectory = Path.Combine(root, "realistic") };
            DataGenerator.Generate(realistic);
            var figures = new List<JobFigures>();
            foreach (var directory in new[] { first.OutputDirectory, realistic.OutputDirectory })
            {
                var reports = CompareCommand.Execute(directory, 1, Approaches.Names, recommend: true, Console.Out);
                if (!CompareCommand.Summarise(reports, Approaches.Names, Console.Out))
                {
                    Console.Error.WriteLine($"smoke: the approaches disagree on {directory}.");
                    return 1;
                }

                figures.Add(reports[0].Figures);
            }

            if (!CompareCommand.SameAcrossStyles(figures, Console.Out))
            {
                Console.Error.WriteLine("smoke: sequential and realistic ids give different figures.");
                return 1;
            }

            Console.WriteLine($"smoke: compare agreed ({watch.Elapsed.TotalSeconds:F1} s)");
            if (!Compare.Full.FullJobCommand.Measure(DataFiles.InDirectory(first.OutputDirectory), 1, Compare.Full.FullJobCommand.Names, Path.Combine(root, "full"), keep, tieredJit: false, Console.Out))
            {
                Console.Error.WriteLine("smoke: compare --job full: an output differs from the library's.");
                return 1;
            }

            Console.WriteLine($"smoke: compare --job full agreed ({watch.Elapsed.TotalSeconds:F1} s)");
            var bench = BenchCommand.Run(["--dry"]);
            if (bench != 0)
            {
                Console.Error.WriteLine("smoke: a benchmark failed.");
                return bench;
            }

            Console.WriteLine($"smoke: passed in {watch.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
        finally
        {
            if (!keep && Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
