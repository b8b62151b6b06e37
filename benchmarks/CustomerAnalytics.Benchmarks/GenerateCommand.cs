using System.Diagnostics;
using CustomerAnalytics.Benchmarks.Generation;

namespace CustomerAnalytics.Benchmarks;

/// <summary><c>generate --transactions 1M [--customers N] [--products N] [--seed 42] --out DIR [--format csv|json|jsonl|all]</c>.</summary>
internal static class GenerateCommand
{
    public static int Run(Arguments args)
    {
        var transactions = args.Int("transactions", 1_000_000);
        var sized = GeneratorOptions.ForSize(transactions, args.String("out") ?? throw new ArgumentException("--out DIR is required."));
        var options = sized with
        {
            Customers = args.Int("customers", sized.Customers),
            Products = args.Int("products", sized.Products),
            Seed = (ulong)args.Int("seed", 42),
            Formats = ParseFormats(args.String("format", "csv")),
        };
        args.ThrowIfUnused();
        var watch = Stopwatch.StartNew();
        var files = DataGenerator.Generate(options);
        foreach (var file in files)
        {
            Console.WriteLine($"{file}  {new FileInfo(file).Length / 1e6:N1} MB");
        }

        Console.WriteLine($"{options.Transactions:N0} transactions, {options.Customers:N0} customers, {options.Products:N0} products, seed {options.Seed} in {watch.Elapsed.TotalSeconds:N1} s");
        return 0;
    }

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
