using System.Text.Json;

namespace CustomerAnalytics.Benchmarks.Compare.Full;

/// <summary>
/// One run of the whole job with the library or DuckDB, in a process of its own so that its peak working set is its own:
/// <c>compare-full-child --approach library|duckdb --data DIR --out DIR</c>. Prints one <c>##REPORT {json}</c> line.
/// </summary>
internal static class FullJobChild
{
    public const string Command = "compare-full-child";

    public static int Run(Arguments args)
    {
        IFullJob job = args.String("approach") switch
        {
            "library" => new LibraryFullJob(),
            "duckdb" => new DuckDbFullJob(),
            var other => throw new ArgumentException($"--approach: '{other}' is not library or duckdb."),
        };
        var files = DataFiles.InDirectory(args.String("data") ?? throw new ArgumentException("--data is required."));
        var output = args.String("out") ?? throw new ArgumentException("--out is required.");
        args.ThrowIfUnused();
        var stages = new Dictionary<string, double>(StringComparer.Ordinal);
        job.Run(files, output, stages);
        Console.WriteLine(CompareChild.Marker + JsonSerializer.Serialize(new FullJobReport(job.Name, PeakMemory.OfThisProcess(), stages)));
        return 0;
    }
}
