namespace CustomerAnalytics.Tests.Infrastructure;

/// <summary>Where the repository, the bundled sample data and the shared real data sets are.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The seed's three CSVs, bundled with the repository.</summary>
    public static string SampleData => Path.Combine(RepositoryRoot, "samples", "data");

    public static string SampleCustomers => Path.Combine(SampleData, "customers.csv");

    public static string SampleProducts => Path.Combine(SampleData, "products.csv");

    public static string SampleTransactions => Path.Combine(SampleData, "transactions.csv");

    /// <summary>The real public data sets, beside the repository (never copied into it).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string Shared(params string[] parts) => Path.Combine([SharedData, .. parts]);

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerAnalytics.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CustomerAnalytics.sln not found above " + AppContext.BaseDirectory);
    }
}
