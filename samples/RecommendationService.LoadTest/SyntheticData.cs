using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;
using CustomerAnalytics.Hosting;

namespace RecommendationService.LoadTest;

/// <summary>
/// A deterministic synthetic dataset (seeded): customers in 4 segments of uneven size (50/30/10/10 %), products in 12 categories with Zipf-like
/// popularity (the product at popularity rank r is drawn with weight 1/r), 1–4 lines per order over 2024.
/// </summary>
internal sealed class SyntheticData(int customers, int products, int transactions, int seed = 42) : IDatasetSource
{
    private static readonly string[] Segments = ["Consumer", "SMB", "Enterprise", "Education"];

    public string Description => $"synthetic: {customers} customers, {products} products, {transactions} transactions, seed {seed}";

    public Task<EnrichedDataset> LoadAsync(CancellationToken cancellationToken) => Task.Run(Build, cancellationToken);

    public static string CustomerId(int index) => "C" + index.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    public static string ProductId(int index) => "P" + index.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private EnrichedDataset Build()
    {
        var random = new Random(seed);
        var builder = new EnrichedDatasetBuilder();
        for (var c = 0; c < customers; c++)
        {
            builder.AddCustomer(new Customer(CustomerId(c), Segments[random.Next(10) switch { < 5 => 0, < 8 => 1, < 9 => 2, _ => 3 }]));
        }

        for (var p = 0; p < products; p++)
        {
            builder.AddProduct(new Product(ProductId(p), "Category " + (p % 12).ToString("D2", System.Globalization.CultureInfo.InvariantCulture), 1m + (random.Next(1, 50000) / 100m)));
        }

        // Cumulative Zipf weights for drawing products.
        var cumulative = new double[products];
        var total = 0.0;
        for (var r = 0; r < products; r++)
        {
            total += 1.0 / (r + 1);
            cumulative[r] = total;
        }

        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var line = 0;
        var order = 0;
        while (line < transactions)
        {
            var customer = CustomerId(random.Next(customers));
            var at = start.AddSeconds(random.Next(366 * 24 * 3600));
            var orderId = "O" + order++.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var l = random.Next(1, 5); l > 0 && line < transactions; l--)
            {
                var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
                var product = ProductId(Math.Min(index < 0 ? ~index : index, products - 1));
                builder.AddTransaction(new Transaction("T" + line++.ToString(System.Globalization.CultureInfo.InvariantCulture), customer, product, random.Next(1, 4), at, OrderId: orderId));
            }
        }

        return builder.Build();
    }
}
