namespace CustomerAnalytics.Benchmarks.Compare;

/// <summary>The three input files of the end-to-end job.</summary>
internal sealed record DataFiles(string Customers, string Products, string Transactions)
{
    public static DataFiles InDirectory(string directory, string extension = ".csv")
    {
        var files = new DataFiles(
            Path.Combine(directory, "customers" + extension),
            Path.Combine(directory, "products" + extension),
            Path.Combine(directory, "transactions" + extension));
        foreach (var file in new[] { files.Customers, files.Products, files.Transactions })
        {
            if (!File.Exists(file))
            {
                throw new ArgumentException($"'{file}' does not exist; create the data with: generate --transactions 1M --out {directory}");
            }
        }

        return files;
    }
}
