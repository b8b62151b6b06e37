using System.Globalization;
using System.Text.Json;

namespace CustomerAnalytics.Benchmarks.Compare.Full;

/// <summary>
/// <c>compare --job full --data DIR [--runs 3] [--approaches library,pandas,duckdb] [--out DIR] [--tiered-jit]</c>: the
/// whole job with every artifact, each approach in a process of its own, alternated (the first approach of each round
/// rotates); medians per stage; then every approach's files that overlap the library's compared with the library's
/// (<see cref="OutputCheck"/>). pandas is skipped, with the reason, where Debian's <c>python3-pandas</c> is missing.
/// Exits 1 when an overlapping file differs.
/// </summary>
internal static class FullJobCommand
{
    public static readonly string[] Names = ["library", "pandas", "duckdb"];

    public static int Run(Arguments args)
    {
        var data = Path.GetFullPath(args.String("data") ?? throw new ArgumentException("--data DIR is required (see generate)."));
        var runs = args.Int("runs", 3);
        var approaches = args.String("approaches", string.Join(',', Names)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var keep = args.String("out");
        var tiered = args.Flag("tiered-jit");
        args.ThrowIfUnused();
        if (approaches.FirstOrDefault(a => !Names.Contains(a, StringComparer.Ordinal)) is { } unknown)
        {
            throw new ArgumentException($"--approaches: unknown approach '{unknown}' for --job full (expected {string.Join(", ", Names)}).");
        }

        if (runs < 1)
        {
            throw new ArgumentException($"--runs: {runs} is not a number of runs (1 or more).");
        }

        var files = DataFiles.InDirectory(data);
        var root = keep is null ? Path.Combine(Path.GetTempPath(), "customer-analytics-full-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture)) : Path.GetFullPath(keep);
        return Measure(files, runs, approaches, root, keep is not null, tiered, Console.Out) ? 0 : 1;
    }

    /// <summary>
    /// Runs, summarises and checks (pandas left out, saying why, where it is missing); writes under
    /// <paramref name="root"/>, deleted at the end unless <paramref name="keep"/>. Whether every overlapping output equals the library's.
    /// </summary>
    public static bool Measure(DataFiles files, int runs, string[] approaches, string root, bool keep, bool tieredJit, TextWriter output)
    {
        if (approaches.Contains("pandas") && PandasFullJob.Unavailable() is { } why)
        {
            output.WriteLine("pandas: skipped. " + why);
            approaches = [.. approaches.Where(a => a != "pandas")];
        }

        try
        {
            var reports = Execute(files, runs, approaches, root, tieredJit, output);
            Summarise(reports, approaches, output);
            return Check(root, approaches, output);
        }
        finally
        {
            if (!keep && Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>The folder of the first run of <paramref name="approach"/>, the one kept and compared.</summary>
    public static string OutputOf(string root, string approach) => Path.Combine(root, approach);

    /// <summary>Runs the approaches alternately; only each approach's first output is kept (later runs write and delete theirs).</summary>
    public static List<FullJobReport> Execute(DataFiles files, int runs, string[] approaches, string root, bool tieredJit, TextWriter log)
    {
        var reports = new List<FullJobReport>();
        for (var run = 0; run < runs; run++)
        {
            for (var k = 0; k < approaches.Length; k++)
            {
                var name = approaches[(run + k) % approaches.Length];
                var output = run == 0 ? OutputOf(root, name) : Path.Combine(root, $"{name}-run{run + 1}");
                var report = name == "pandas" ? PandasFullJob.Run(files, output) : RunChild(name, files, output, tieredJit);
                if (run > 0)
                {
                    Directory.Delete(output, recursive: true);
                }

                reports.Add(report);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}/{runs}  {name,-8} {report.Stages[FullJobStages.Total],8:F3} s  peak {report.PeakWorkingSetBytes / 1e6,8:F0} MB  ({string.Join(", ", report.Stages.Select(p => $"{p.Key} {p.Value:G4}"))})"));
            }
        }

        return reports;
    }

    /// <summary>Prints the medians per stage and approach, and the library's total ÷ each approach's.</summary>
    public static void Summarise(List<FullJobReport> reports, string[] approaches, TextWriter output)
    {
        double Median(IEnumerable<FullJobReport> mine, string stage) =>
            CompareCommand.Median(mine.Where(r => r.Stages.ContainsKey(stage)).Select(r => r.Stages[stage]));
        var libraryTotal = Median(reports.Where(r => r.Approach == "library"), FullJobStages.Total);
        output.WriteLine();
        output.WriteLine("| approach | runs | " + string.Join(" | ", FullJobStages.All) + " | peak | library ÷ this |");
        output.WriteLine("|---|---:|" + string.Concat(FullJobStages.All.Select(_ => "---:|")) + "---:|---:|");
        foreach (var name in approaches)
        {
            var mine = reports.Where(r => r.Approach == name).ToList();
            var cells = FullJobStages.All.Select(stage => Median(mine, stage) is var s && double.IsNaN(s) ? "–" : string.Create(CultureInfo.InvariantCulture, $"{s:F3} s"));
            var peak = CompareCommand.Median(mine.Select(r => (double)r.PeakWorkingSetBytes));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {mine.Count} | {string.Join(" | ", cells)} | {peak / 1e6:F0} MB | {libraryTotal / Median(mine, FullJobStages.Total):F2}× |"));
        }
    }

    /// <summary>Compares each approach's overlapping files with the library's; prints one row per file; whether all are equal.</summary>
    public static bool Check(string root, string[] approaches, TextWriter output)
    {
        if (!approaches.Contains("library"))
        {
            output.WriteLine("No library run: the outputs are not compared.");
            return true;
        }

        var equal = true;
        output.WriteLine();
        output.WriteLine("| approach | file | compared | rows | result |");
        output.WriteLine("|---|---|---|---:|---|");
        foreach (var name in approaches.Where(a => a != "library"))
        {
            foreach (var result in OutputCheck.Against(OutputOf(root, "library"), name, OutputOf(root, name)))
            {
                equal &= result.Equal;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {result.File} | {result.Method} | {result.Rows:N0} | {(result.Equal ? "equal" : "DIFFERS: " + result.Difference)} |"));
            }
        }

        output.WriteLine(equal ? "Every overlapping output equals the library's." : "An output DIFFERS from the library's.");
        return equal;
    }

    private static FullJobReport RunChild(string approach, DataFiles files, string output, bool tieredJit)
    {
        string[] arguments = [FullJobChild.Command, "--approach", approach, "--data", Path.GetDirectoryName(files.Transactions)!, "--out", output];
        return JsonSerializer.Deserialize<FullJobReport>(ChildProcess.RunThisProgram(approach, arguments, tieredJit))
            ?? throw new InvalidOperationException($"The {approach} run printed an empty report.");
    }
}
