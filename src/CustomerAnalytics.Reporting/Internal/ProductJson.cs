using System.Text.Json;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>
/// What the page's script needs for the top products to follow the filters, written into the page's JSON: the products
/// (<c>[id, name, category index]</c>, by product index) and, per order in the order of <c>orders</c>, its lines summed
/// per product (<c>[product, revenue × 10⁴, units, …]</c>); about 15 bytes a line. Past
/// <see cref="DashboardOptions.MaxEmbeddedOrderLines"/> transactions only <c>productsNote</c> is written, saying why the
/// top products show the whole data.
/// </summary>
internal static class ProductJson
{
    /// <summary>Writes <c>topProducts</c> and either <c>products</c> and <c>productLines</c> or <c>productsNote</c>.</summary>
    public static void Write(Utf8JsonWriter json, EnrichedDataset dataset, IReadOnlyList<EmbeddedOrder> orders, DashboardOptions options, Format format)
    {
        json.WriteNumber("topProducts", options.TopProductCount);
        if (dataset.TransactionCount > options.MaxEmbeddedOrderLines)
        {
            json.WriteString("productsNote", $"the top products, which show the whole data ({format.Count(dataset.TransactionCount)} order lines, "
                + $"more than {nameof(DashboardOptions.MaxEmbeddedOrderLines)} ({format.Count(options.MaxEmbeddedOrderLines)}))");
            return;
        }

        json.WriteStartArray("products");
        for (var p = 0; p < dataset.Products.Count; p++)
        {
            json.WriteStartArray();
            json.WriteStringValue(dataset.Products[p].Id);
            json.WriteStringValue(dataset.Products[p].Name ?? string.Empty);
            json.WriteNumberValue(dataset.ProductCategories[p]);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("productLines");
        foreach (var order in orders)
        {
            json.WriteStartArray();
            foreach (var (product, revenue, units) in order.Products)
            {
                json.WriteNumberValue(product);
                json.WriteNumberValue(revenue);
                json.WriteNumberValue(units);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }
}
