using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Recommendations;

/// <summary>Small hand-made datasets and helpers for the recommender tests.</summary>
internal static class RecommendationData
{
    private static readonly DateTimeOffset Day = Seed.At("2024-01-01T00:00:00Z");

    /// <summary>
    /// Ties: products B, A and C sell 10.00 each (one unit, one buyer), so they tie on every measure; D is bought and
    /// returned (net 0); E is never sold. Customers X1 and X2 are in segment S.
    /// </summary>
    public static EnrichedDataset Ties() =>
        new EnrichedDatasetBuilder()
            .AddCustomers([new("X1", "S"), new("X2", "S")])
            .AddProducts([new("B", "Cat", 10m), new("A", "Cat", 10m), new("C", "Cat", 10m), new("D", "Cat", 10m), new("E", "Cat", 10m)])
            .AddTransactions(
            [
                new("1", "X1", "B", 1, Day),
                new("2", "X1", "A", 1, Day),
                new("3", "X2", "C", 1, Day),
                new("4", "X2", "D", 1, Day),
                new("5", "X2", "D", -1, Day.AddDays(1)),
            ])
            .Build();

    /// <summary>
    /// A deterministic pseudo-random dataset with more customers than one batch chunk of <c>RecommendAll</c>, so the
    /// parallel path runs: 40,000 customers in 7 segments, 120 products in 9 categories, 100,000 lines (some returns).
    /// </summary>
    public static EnrichedDataset Synthetic()
    {
        var random = new Random(20240101);
        var builder = new EnrichedDatasetBuilder();
        for (var c = 0; c < 40_000; c++)
        {
            builder.AddCustomer(new Customer($"K{c:D5}", $"Seg{c % 7}"));
        }

        for (var p = 0; p < 120; p++)
        {
            builder.AddProduct(new Product($"Q{p:D3}", $"Cat{p % 9}", 1m + (p % 13)));
        }

        for (var t = 0; t < 100_000; t++)
        {
            // Skewed product choice, so popularity is not flat; one line in 50 is a return.
            var product = (int)(120 * Math.Pow(random.NextDouble(), 2));
            var quantity = random.Next(50) == 0 ? -1 : 1 + random.Next(3);
            builder.AddTransaction(new Transaction(
                t.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"K{random.Next(40_000):D5}",
                $"Q{product:D3}",
                quantity,
                Day.AddMinutes(t)));
        }

        return builder.Build();
    }

    /// <summary>Day 0 of <see cref="CooccurrenceShop"/>.</summary>
    public static DateTimeOffset CooccurrenceDay0 { get; } = Seed.At("2024-01-01T00:00:00Z");

    /// <summary>The shop of ItemCooccurrenceRecommenderTests and SarFidelityTests: U1 {A, B}, U2 {A, B, C}, U3 {B, C}, U4 {A ×3, D}, U5 nothing; U1's B is bought on day 10, everything else on day 0.</summary>
    /// <param name="products">The catalogue; defaults to A–E in category K.</param>
    public static EnrichedDataset CooccurrenceShop(Product[]? products = null) =>
        new EnrichedDatasetBuilder()
            .AddCustomers([new("U1", "S"), new("U2", "S"), new("U3", "S"), new("U4", "S"), new("U5", "S")])
            .AddProducts(products ?? [new("A", "K", 10m), new("B", "K", 20m), new("C", "K", 30m), new("D", "K", 5m), new("E", "K", 1m)])
            .AddTransactions(
            [
                new("1", "U1", "A", 1, CooccurrenceDay0),
                new("2", "U1", "B", 1, CooccurrenceDay0.AddDays(10)),
                new("3", "U2", "A", 1, CooccurrenceDay0),
                new("4", "U2", "B", 1, CooccurrenceDay0),
                new("5", "U2", "C", 1, CooccurrenceDay0),
                new("6", "U3", "B", 1, CooccurrenceDay0),
                new("7", "U3", "C", 1, CooccurrenceDay0),
                new("8", "U4", "A", 3, CooccurrenceDay0),
                new("9", "U4", "D", 1, CooccurrenceDay0),
            ])
            .Build();

    public static string[] Ids(IEnumerable<Recommendation> items) => [.. items.Select(r => r.ProductId)];

    public static HashSet<string> Set(params string[] ids) => new(ids, StringComparer.Ordinal);
}
