namespace CustomerAnalytics.Benchmarks.Generation;

/// <summary>The output formats of the generator.</summary>
[Flags]
internal enum OutputFormats
{
    None = 0,

    /// <summary><c>customers.csv</c>, <c>products.csv</c>, <c>transactions.csv</c>.</summary>
    Csv = 1,

    /// <summary>The same tables as JSON arrays of objects (<c>*.json</c>).</summary>
    Json = 2,

    /// <summary>The same tables as JSON Lines (<c>*.jsonl</c>).</summary>
    JsonLines = 4,

    All = Csv | Json | JsonLines,
}

/// <summary>What to generate.</summary>
internal sealed record GeneratorOptions
{
    public int Transactions { get; init; } = 1_000_000;

    public int Customers { get; init; } = 100_000;

    public int Products { get; init; } = 5_000;

    public ulong Seed { get; init; } = 42;

    public OutputFormats Formats { get; init; } = OutputFormats.Csv;

    /// <summary>How ids are written; the figures are the same in every style.</summary>
    public IdStyle Ids { get; init; } = IdStyle.Sequential;

    public required string OutputDirectory { get; init; }

    /// <summary>The defaults of the 10M run: 1M customers, 50k products, scaled down with the transactions.</summary>
    public static GeneratorOptions ForSize(int transactions, string outputDirectory) => new()
    {
        Transactions = transactions,
        Customers = Math.Max(10, transactions / 10),
        Products = Math.Max(20, Math.Min(50_000, transactions / 200)),
        OutputDirectory = outputDirectory,
    };

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Transactions);
        ArgumentOutOfRangeException.ThrowIfLessThan(Customers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Products, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Products, 999_999);
        if (Ids == IdStyle.Realistic && Transactions > 999_999_999)
        {
            throw new ArgumentException($"--ids realistic writes orders as SO- and 9 digits, so at most 999,999,999 transactions; {Transactions:N0} asked.", nameof(Transactions));
        }

        if (Formats == OutputFormats.None)
        {
            throw new ArgumentException("Choose at least one output format.", nameof(Formats));
        }
    }
}
