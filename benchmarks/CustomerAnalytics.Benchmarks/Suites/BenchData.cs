using System.Globalization;
using CustomerAnalytics.Benchmarks.Compare;
using CustomerAnalytics.Benchmarks.Generation;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Benchmarks.Suites;

/// <summary>
/// The data the suites run on: generated once per size (seed 42) under the temp folder and reused. The size is
/// <c>CA_BENCH_TRANSACTIONS</c> (default 1M), which <c>bench --size</c> and <c>bench --dry</c> set for the
/// benchmark processes BenchmarkDotNet starts.
/// </summary>
internal static class BenchData
{
    public const string SizeVariable = "CA_BENCH_TRANSACTIONS";

    public static int Transactions =>
        Environment.GetEnvironmentVariable(SizeVariable) is { Length: > 0 } text ? Arguments.ParseCount(SizeVariable, text) : 1_000_000;

    /// <summary>The folder with the CSV and JSON files of the configured size and id style, generated when missing.</summary>
    public static string Directory(IdStyle ids = IdStyle.Sequential)
    {
        var size = Transactions;
        var style = ids == IdStyle.Sequential ? "" : "-" + ids.ToString().ToLowerInvariant();
        var directory = Path.Combine(Path.GetTempPath(), "customer-analytics-bench", size.ToString(CultureInfo.InvariantCulture) + "-seed42" + style);
        if (!File.Exists(Path.Combine(directory, "done")))
        {
            var staging = directory + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            DataGenerator.Generate(GeneratorOptions.ForSize(size, staging) with { Formats = OutputFormats.Csv | OutputFormats.Json, Ids = ids });
            File.WriteAllText(Path.Combine(staging, "done"), "");
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }

            System.IO.Directory.Move(staging, directory);
        }

        return directory;
    }

    public static DataFiles Csv(IdStyle ids = IdStyle.Sequential) => DataFiles.InDirectory(Directory(ids));

    public static DataFiles Json() => DataFiles.InDirectory(Directory(), ".json");

    public static EnrichedDataset Dataset()
    {
        var builder = new EnrichedDatasetBuilder();
        LibraryApproach.Load(Csv(), builder);
        return builder.Build();
    }
}
