namespace CustomerAnalytics.Benchmarks.Compare;

/// <summary>The answer of the end-to-end job, the same whichever approach computed it.</summary>
internal sealed record JobFigures(
    long Customers,
    long Transactions,
    long Orders,
    long Units,
    decimal Revenue,
    decimal AverageOrderValue,
    IReadOnlyList<GroupFigures> BySegment,
    IReadOnlyList<GroupFigures> ByCategory,
    IReadOnlyList<ProductFigures> TopProducts)
{
    /// <summary>Revenue ÷ orders rounded to the cent, half away from zero (the library's definition).</summary>
    public static decimal AverageOf(decimal revenue, long orders) =>
        orders == 0 ? 0m : Math.Round(revenue / orders, 2, MidpointRounding.AwayFromZero);

    /// <summary>The differences from <paramref name="other"/>, empty when both agree to the cent.</summary>
    public IReadOnlyList<string> Differences(JobFigures other)
    {
        var diffs = new List<string>();
        void Check<T>(string what, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                diffs.Add($"{what}: {a} vs {b}");
            }
        }

        Check("customers", Customers, other.Customers);
        Check("transactions", Transactions, other.Transactions);
        Check("orders", Orders, other.Orders);
        Check("units", Units, other.Units);
        Check("revenue", Revenue, other.Revenue);
        Check("average order value", AverageOrderValue, other.AverageOrderValue);
        CheckList("by segment", BySegment, other.BySegment, diffs);
        CheckList("by category", ByCategory, other.ByCategory, diffs);
        CheckList("top products", TopProducts, other.TopProducts, diffs);
        return diffs;
    }

    private static void CheckList<T>(string what, IReadOnlyList<T> a, IReadOnlyList<T> b, List<string> diffs)
    {
        if (a.Count != b.Count)
        {
            diffs.Add($"{what}: {a.Count} rows vs {b.Count}");
            return;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(a[i], b[i]))
            {
                diffs.Add($"{what}[{i}]: {a[i]} vs {b[i]}");
            }
        }
    }
}

/// <summary>One segment's or category's figures. Decimal equality ignores trailing zeros, so 12.5 equals 12.50.</summary>
internal sealed record GroupFigures(string Key, decimal Revenue, long Units, long Orders, long Customers, long Transactions);

/// <summary>One product of the top list.</summary>
internal sealed record ProductFigures(string ProductId, string Category, decimal Revenue, long Units);
