namespace CustomerAnalytics.Benchmarks.Compare;

internal static class Approaches
{
    public static readonly string[] Names = ["library", "duckdb", "linq"];

    public static IJobApproach Create(string name) => name switch
    {
        "library" => new LibraryApproach(),
        "duckdb" => new DuckDbApproach(),
        "linq" => new LinqApproach(),
        _ => throw new ArgumentException($"Unknown approach '{name}' (expected {string.Join(", ", Names)})."),
    };
}
