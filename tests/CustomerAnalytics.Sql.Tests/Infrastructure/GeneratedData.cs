using System.Globalization;
using System.Text;

namespace CustomerAnalytics.Sql.Tests.Infrastructure;

/// <summary>
/// A seeded, generated shop of about 100,000 lines with every case the definitions distinguish: orders of several lines,
/// lines without an order (their own order), returns, lines carrying their own unit price or line total, products
/// without a list price (their unpriced lines are left out), unknown customers and products (left out), segment and
/// category names that differ only in case (ordinal order), and many revenue ties.
/// </summary>
internal static class GeneratedData
{
    private static readonly Lazy<CsvTables> Default = new(() => Write(TestFiles.Folder("generated-100k"), seed: 20261202, lines: 100_000));

    /// <summary>The 100k set, written once per test run.</summary>
    public static CsvTables Shared => Default.Value;

    public static CsvTables Write(string directory, int seed, int lines)
    {
        var random = new Random(seed);
        string[] segments = ["Consumer", "SMB", "Enterprise", "consumer", "Éducation"];
        string[] categories = ["Accessories", "Hardware", "Software", "software", "Books", "Garden", "Toys", "Food"];
        const int customers = 3_000, products = 400;
        var text = new StringBuilder("customer_id,segment,signup_date\n");
        for (var c = 0; c < customers; c++)
        {
            text.Append(CultureInfo.InvariantCulture, $"C{c:D5},{segments[random.Next(segments.Length)]},2023-{1 + random.Next(12):D2}-{1 + random.Next(28):D2}\n");
        }

        var customersPath = Path.Combine(directory, "customers.csv");
        TestFiles.Write(customersPath, text.ToString());
        text.Clear().Append("product_id,category,price\n");
        for (var p = 0; p < products; p++)
        {
            // Few distinct prices, so products and customers tie on revenue; 2% of products have no list price.
            var price = random.Next(50) == 0 ? string.Empty : (0.99m + random.Next(20)).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"P{p:D4},{categories[random.Next(categories.Length)]},{price}\n");
        }

        var productsPath = Path.Combine(directory, "products.csv");
        TestFiles.Write(productsPath, text.ToString());
        text.Clear().Append("txn_id,customer_id,product_id,qty,ts,unit_price,order_id,line_total\n");
        var written = 0;
        for (var order = 1; written < lines; order++)
        {
            var customer = random.Next(100) == 0 ? "X" + random.Next(50) : "C" + random.Next(customers).ToString("D5", CultureInfo.InvariantCulture);
            var ownOrders = random.Next(6) == 0;
            var size = 1 + random.Next(5);
            var day = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(366 * 24 * 60));
            for (var l = 0; l < size && written < lines; l++, written++)
            {
                var product = random.Next(100) == 0 ? "Q" + random.Next(20) : "P" + random.Next(products).ToString("D4", CultureInfo.InvariantCulture);
                var quantity = random.Next(30) == 0 ? -(1 + random.Next(3)) : 1 + random.Next(4);
                var kind = random.Next(20);
                var unitPrice = kind == 0 ? (1.5m + random.Next(10)).ToString(CultureInfo.InvariantCulture) : string.Empty;
                var lineTotal = kind == 1 ? (quantity * 3.25m).ToString(CultureInfo.InvariantCulture) : string.Empty;
                var orderId = ownOrders ? string.Empty : "O" + order.ToString(CultureInfo.InvariantCulture);
                text.Append(CultureInfo.InvariantCulture, $"T{written + 1},{customer},{product},{quantity},{day:yyyy-MM-ddTHH:mm:ssZ},{unitPrice},{orderId},{lineTotal}\n");
            }
        }

        var transactionsPath = Path.Combine(directory, "transactions.csv");
        TestFiles.Write(transactionsPath, text.ToString());
        return new CsvTables(customersPath, productsPath, transactionsPath);
    }
}
