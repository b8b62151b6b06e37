using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Benchmarks.Evaluate;

/// <summary>The real data sets of the evaluation, loaded through the library's public loaders (lenient: quirky rows are reported, not fatal).</summary>
internal static class EvaluationData
{
    /// <summary>UCI Online Retail: customer = CustomerID, segment = Country, product = StockCode, order = InvoiceNo; UK local time.</summary>
    public static (EnrichedDataset Dataset, string Summary) OnlineRetail(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "online-retail", "online_retail.csv.gz");
        var options = LoadOptions.Default with
        {
            Mode = LoadMode.Lenient,
            TransactionColumns = TransactionColumns.OnlineRetail,
            SourceTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London"),
        };
        var builder = new EnrichedDatasetBuilder();
        var report = OrderLinesLoader.LoadInto(builder, path, options);
        var dataset = builder.Build();
        return (dataset, $"{report.RowsLoaded:N0} of {report.RowsRead:N0} lines loaded ({report.RowsRejected:N0} without a customer or with a negative price rejected)");
    }

    /// <summary>
    /// The Complete Journey sample: customer = household_id with segment = <paramref name="segmentField"/> of
    /// demographics.csv (households without demographics fall in "Unknown"), category = product_category, order =
    /// basket_id, revenue = sales_value; America/New_York local time.
    /// </summary>
    public static (EnrichedDataset Dataset, string Summary) CompleteJourney(string dataDirectory, string segmentField)
    {
        var folder = Path.Combine(dataDirectory, "completejourney");
        var options = LoadOptions.Default with
        {
            Mode = LoadMode.Lenient,
            SourceTimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
            CustomerColumns = CustomerColumns.Default with { Id = ["household_id"], Segment = [segmentField], SignupDate = [], Name = [] },
            ProductColumns = ProductColumns.Default with { Id = ["product_id"], Category = ["product_category"], Price = [], Name = [] },
            TransactionColumns = TransactionColumns.Default with
            {
                Id = [],
                CustomerId = ["household_id"],
                ProductId = ["product_id"],
                Quantity = ["quantity"],
                Timestamp = ["transaction_timestamp"],
                UnitPrice = [],
                OrderId = ["basket_id"],
                LineTotal = ["sales_value"],
            },
        };
        var customers = CustomerLoader.Load(Path.Combine(folder, "demographics.csv"), options);
        var products = ProductLoader.Load(Path.Combine(folder, "products.csv"), options);

        var builder = new EnrichedDatasetBuilder(EnrichmentOptions.Default with { UnknownCustomers = UnknownReferencePolicy.KeepAsUnknown, UnknownProducts = UnknownReferencePolicy.KeepAsUnknown })
            .AddCustomers(customers.Rows)
            .AddProducts(products.Rows);
        var report = TransactionLoader.LoadInto(builder, Path.Combine(folder, "transactions_sample.csv"), options);
        var dataset = builder.Build();
        return (dataset, $"{customers.Rows.Length:N0} households with demographics, {products.Rows.Length:N0} products ({products.Report.RowsRejected:N0} without a category left out; their lines fall under \"Unknown\"), "
            + $"{report.RowsLoaded:N0} of {report.RowsRead:N0} transaction lines loaded; {dataset.Customers.Count:N0} households in all");
    }
}
