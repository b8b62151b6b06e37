using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Artifacts;

/// <summary>
/// Writers of the CSV artifacts. Every file is UTF-8 without BOM, comma separated, LF line ends, invariant culture,
/// with a header row; money has at least two decimals; text cells that a spreadsheet would run as a formula
/// (starting with <c>= + - @</c>, tab or CR) are prefixed with <c>'</c>. Schemas: <c>docs/artifacts.md</c>.
/// The streams are left open.
/// </summary>
public static partial class CsvArtifacts
{
    /// <summary>Writes <c>events_enriched.csv</c>: one row per transaction of the dataset, in row order.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="dataset">The dataset.</param>
    public static void WriteEnrichedEvents(Stream stream, EnrichedDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(dataset);
        using var csv = new Utf8CsvWriter(stream);
        csv.Header("txn_id", "customer_id", "product_id", "qty", "ts", "category", "price", "segment", "signup_date", "revenue", "order_id");
        // From the columns (what dataset[row] reads), without a row object per transaction; money from its exact units,
        // ids kept as numbers as digits (no string per row).
        for (var row = 0; row < dataset.TransactionCount; row++)
        {
            var customerIndex = dataset.CustomerColumn[row];
            var productIndex = dataset.ProductColumn[row];
            var customer = dataset.CustomerTable[customerIndex];
            csv.Id(dataset.TransactionIdColumn, row);
            csv.Text(customer.Id);
            csv.Text(dataset.ProductTable[productIndex].Id);
            csv.Integer(dataset.QuantityColumn[row]);
            csv.Timestamp(new DateTime(dataset.TicksColumn[row], DateTimeKind.Utc));
            csv.Text(dataset.CategoryTable[dataset.ProductCategoryTable[productIndex]]);
            csv.MoneyUnits(dataset.UnitPriceUnitsAt(row));
            csv.Text(dataset.SegmentTable[dataset.CustomerSegmentTable[customerIndex]]);
            csv.Date(customer.SignupDate);
            csv.MoneyUnits(dataset.RevenueUnits[row]);
            if (dataset.OrderIdCell(dataset.OrderColumn[row], out var orderIds, out var order) is { } renamed)
            {
                csv.Text(renamed);
            }
            else
            {
                csv.Id(orderIds, order);
            }

            csv.EndRecord();
        }
    }

    /// <summary>Writes <c>kpi_overall.csv</c>: one row of headline figures.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="overall">The figures.</param>
    public static void WriteOverall(Stream stream, OverallKpis overall)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(overall);
        using var csv = ArtifactCsv.Create(stream);
        ArtifactCsv.Header(csv, "customers", "transactions", "orders", "units", "revenue", "average_order_value");
        csv.WriteField(overall.Customers, default);
        csv.WriteField(overall.Transactions, default);
        csv.WriteField(overall.Orders, default);
        csv.WriteField(overall.Units, default);
        ArtifactCsv.Money(csv, overall.Revenue);
        ArtifactCsv.Money(csv, overall.AverageOrderValue);
        csv.EndRecord();
    }

    /// <summary>Writes <c>kpi_by_segment.csv</c> or <c>kpi_by_category.csv</c>: one row per group, in the given order.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="keyColumn">The name of the first column (<c>segment</c>, <c>category</c>, <c>customer_id</c>).</param>
    /// <param name="groups">The groups.</param>
    public static void WriteGroups(Stream stream, string keyColumn, IEnumerable<GroupKpi> groups)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(keyColumn);
        ArgumentNullException.ThrowIfNull(groups);
        using var csv = new Utf8CsvWriter(stream);
        csv.Header(keyColumn, "revenue", "units", "orders", "customers", "transactions");
        foreach (var group in groups)
        {
            csv.Text(group.Key);
            csv.Money(group.Revenue);
            csv.Integer(group.Units);
            csv.Integer(group.Orders);
            csv.Integer(group.Customers);
            csv.Integer(group.Transactions);
            csv.EndRecord();
        }
    }

    /// <summary>Writes <c>top_products.csv</c>: one row per product, in the given order.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="products">The products.</param>
    public static void WriteProducts(Stream stream, IEnumerable<ProductKpi> products)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(products);
        using var csv = ArtifactCsv.Create(stream);
        ArtifactCsv.Header(csv, "product_id", "category", "revenue", "units", "orders", "buyers");
        foreach (var product in products)
        {
            csv.WriteField(product.ProductId);
            csv.WriteField(product.Category);
            ArtifactCsv.Money(csv, product.Revenue);
            csv.WriteField(product.Units, default);
            csv.WriteField(product.Orders, default);
            csv.WriteField(product.Buyers, default);
            csv.EndRecord();
        }
    }

    /// <summary>Writes <c>recommendations/by_customer.csv</c>: one row per recommendation.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="strategy">The strategy's name.</param>
    /// <param name="recommendations">The recommendations per customer.</param>
    public static void WriteCustomerRecommendations(Stream stream, string strategy, IEnumerable<CustomerRecommendations> recommendations)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(recommendations);
        using var csv = new Utf8CsvWriter(stream);
        csv.Header("strategy", "customer_id", "rank", "product_id", "score", "reason");
        foreach (var customer in recommendations)
        {
            foreach (var item in customer.Items)
            {
                csv.Text(strategy);
                csv.Text(customer.CustomerId);
                csv.Integer(item.Rank);
                csv.Text(item.ProductId);
                csv.Score(item.Score);
                csv.Text(item.Reason);
                csv.EndRecord();
            }
        }
    }

    /// <summary>Writes <c>rejected_rows.csv</c>.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="rows">The rejected rows.</param>
    public static void WriteRejectedRows(Stream stream, IEnumerable<RejectedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = ArtifactCsv.Create(stream);
        ArtifactCsv.Header(csv, "stage", "source", "line", "column", "value", "problem", "expected", "hint");
        foreach (var row in rows)
        {
            csv.WriteField(row.Stage);
            csv.WriteField(row.Source);
            if (row.Line > 0)
            {
                csv.WriteField(row.Line, default);
            }
            else
            {
                csv.WriteField(string.Empty);
            }

            csv.WriteField(row.Column);
            csv.WriteField(row.Value);
            csv.WriteField(row.Problem);
            csv.WriteField(row.Expected);
            csv.WriteField(row.Hint);
            csv.EndRecord();
        }
    }
}
