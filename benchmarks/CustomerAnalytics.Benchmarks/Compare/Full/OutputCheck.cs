namespace CustomerAnalytics.Benchmarks.Compare.Full;

/// <summary>
/// Which output files of an approach overlap the library's, and how they are compared: DuckDB writes the library's
/// format (byte for byte); pandas writes its own (<c>199.0</c>, <c>2024-03-01 10:00:00+00:00</c>, other columns), so
/// its files are compared cell by cell on the columns they share, money to the cent.
/// </summary>
internal static class OutputCheck
{
    /// <summary>The files both approaches write under the same name (the library's names).</summary>
    public static readonly string[] SharedFiles = ["events_enriched.csv", "kpi_overall.csv", "kpi_by_segment.csv", "kpi_by_category.csv", "top_products.csv"];

    /// <summary>Compares every shared file of <paramref name="other"/>'s output with the library's.</summary>
    public static IReadOnlyList<FileComparison> Against(string library, string approach, string other)
    {
        var results = new List<FileComparison>();
        foreach (var file in SharedFiles)
        {
            string expected = Path.Combine(library, file), actual = Path.Combine(other, file);
            if (!File.Exists(expected) || !File.Exists(actual))
            {
                results.Add(new FileComparison(file, "-", 0, $"{file}: missing ({(File.Exists(expected) ? actual : expected)} was not written)"));
                continue;
            }

            results.Add(approach == "pandas" ? ArtifactComparer.Cells(file, expected, actual) : ArtifactComparer.Bytes(file, expected, actual));
        }

        return results;
    }
}
