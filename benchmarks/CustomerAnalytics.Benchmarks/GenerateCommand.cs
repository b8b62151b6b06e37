using System.Diagnostics;
using CustomerAnalytics.Benchmarks.Generation;

namespace CustomerAnalytics.Benchmarks;

/// <summary>
/// <c>generate --transactions 1M [--customers N] [--products N] [--seed 42] --out DIR [--format csv|json|jsonl|all]
/// [--ids sequential|realistic|both]</c>. With <c>--ids both</c> the two styles go to <c>DIR/sequential</c> and
/// <c>DIR/realistic</c>. Streamed: prints the peak working set, which grows with the customers, not the transactions.
/// </summary>
internal static class GenerateCommand
{
    public static int Run(Arguments args)
    {
        var transactions = args.Int("transactions", 1_000_000);
        var output = args.String("out") ?? throw new ArgumentException("--out DIR is required.");
        var sized = GeneratorOptions.ForSize(transactions, output);
        var options = sized with
        {
            Customers = args.Int("customers", sized.Customers),
            Products = args.Int("products", sized.Products),
            Seed = (ulong)args.Int("seed", 42),
            Formats = ParseFormats(args.String("format", "csv")),
        };
        var styles = ParseIdStyles(args.String("ids", "sequential"));
        args.ThrowIfUnused();
        var watch = Stopwatch.StartNew();
        foreach (var style in styles)
        {
            var directory = styles.Count > 1 ? StyleDirectory(output, style) : output;
            var files = DataGenerator.Generate(options with { Ids = style, OutputDirectory = directory });
            foreach (var file in files)
            {
                Console.WriteLine($"{file}  {new FileInfo(file).Length / 1e6:N1} MB");
            }
        }

        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"{options.Transactions:N0} transactions, {options.Customers:N0} customers, {options.Products:N0} products, seed {options.Seed}, ids {string.Join(" and ", styles).ToLowerInvariant()} in {watch.Elapsed.TotalSeconds:N1} s, peak working set {self.PeakWorkingSet64 / 1e6:N0} MB");
        return 0;
    }

    /// <summary>The folder of one id style under a <c>--ids both</c> output (or <c>compare --ids</c> data) folder.</summary>
    public static string StyleDirectory(string root, IdStyle style) => Path.Combine(root, style.ToString().ToLowerInvariant());

    /// <summary>Parses <c>sequential</c>, <c>realistic</c> or <c>both</c>.</summary>
    public static IReadOnlyList<IdStyle> ParseIdStyles(string text) => text.Trim().ToUpperInvariant() switch
    {
        "SEQUENTIAL" => [IdStyle.Sequential],
        "REALISTIC" => [IdStyle.Realistic],
        "BOTH" => [IdStyle.Sequential, IdStyle.Realistic],
        _ => throw new ArgumentException($"--ids: '{text}' is not sequential, realistic or both."),
    };

    public static OutputFormats ParseFormats(string text)
    {
        var formats = OutputFormats.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            formats |= part.ToUpperInvariant() switch
            {
                "CSV" => OutputFormats.Csv,
                "JSON" => OutputFormats.Json,
                "JSONL" or "JSONLINES" or "NDJSON" => OutputFormats.JsonLines,
                "ALL" => OutputFormats.All,
                _ => throw new ArgumentException($"--format: '{part}' is not csv, json, jsonl or all."),
            };
        }

        return formats;
    }
}
