namespace CustomerAnalytics.Benchmarks.Compare;

/// <summary>
/// Checks that two id styles of one generated data set give the same figures: every total, segment and category to
/// the cent, and the same top-product figures (revenue, units, category), whatever the products' ids are.
/// </summary>
internal static class IdStyleCheck
{
    /// <summary>The differences between the figures of two id styles, empty when they agree.</summary>
    public static IReadOnlyList<string> Differences(JobFigures first, JobFigures second) =>
        WithoutProductIds(first).Differences(WithoutProductIds(second));

    // Ties in revenue are ordered by id, which differs between styles: compare the top list as a multiset.
    private static JobFigures WithoutProductIds(JobFigures figures) => figures with
    {
        TopProducts = [.. figures.TopProducts
            .Select(p => p with { ProductId = "" })
            .OrderByDescending(p => p.Revenue).ThenByDescending(p => p.Units).ThenBy(p => p.Category, StringComparer.Ordinal)],
    };
}
