using System.Buffers;
using System.Text.Json;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>
/// The data the page's script filters, as JSON: one entry per order (its id, local day, customer and, per category,
/// revenue in ten-thousandths and units), the customers (id, segment), the segment and category names, and the number
/// formats, the run's model outputs per customer (<see cref="ModelJson"/>) and the orders' products (<see cref="ProductJson"/>). Written with <see cref="Utf8JsonWriter"/>'s default encoder, which escapes <c>&lt; &gt; &amp; ' "</c> and
/// every non-ASCII character as <c>\uXXXX</c>, so no value can close the <c>&lt;script type="application/json"&gt;</c>
/// element it is embedded in (<c>&lt;/script&gt;</c>, <c>&lt;!--</c>).
/// </summary>
/// <param name="Json">The JSON text (ASCII only).</param>
/// <param name="OrderCount">How many orders it holds.</param>
internal sealed record InteractiveData(string Json, int OrderCount)
{
    /// <summary>Money units per currency unit in the JSON (revenue is an integer of ten-thousandths, exact in a double).</summary>
    public const int MoneyFactor = 10_000;

    /// <summary>The data of <paramref name="dataset"/>, or <see langword="null"/> with <paramref name="note"/> saying why
    /// there is none (<paramref name="models"/>: the run's outputs, empty for a dataset): no orders, or more than <see cref="DashboardOptions.MaxEmbeddedOrders"/>.</summary>
    public static InteractiveData? Of(EnrichedDataset dataset, DataRange? range, TimeZoneInfo zone, bool monthly, Format format, DashboardOptions options, RunModels models, out string? note)
    {
        note = null;
        if (!options.Interactive || range is not { } covered)
        {
            return null;
        }

        if (dataset.OrderCount > options.MaxEmbeddedOrders)
        {
            note = $"Filters are off: the data has {format.Count(dataset.OrderCount)} orders, more than {nameof(DashboardOptions.MaxEmbeddedOrders)} "
                + $"({format.Count(options.MaxEmbeddedOrders)}); the page shows the figures of the whole data.";
            return null;
        }

        var orders = OrderFactsOf(dataset, covered, zone);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("start", Format.Date(covered.First));
            json.WriteNumber("days", covered.Last.DayNumber - covered.First.DayNumber + 1);
            json.WriteString("symbol", format.CurrencySymbol ?? string.Empty);
            json.WriteNumber("decimals", options.CurrencyDecimals);
            json.WriteString("group", options.Culture.NumberFormat.NumberGroupSeparator);
            json.WriteString("point", options.Culture.NumberFormat.NumberDecimalSeparator);
            json.WriteNumber("maxRows", options.MaxDrillDownRows);
            json.WriteNumber("maxBars", options.MaxChartBars);
            json.WriteNumber("guest", dataset.GuestCustomer);
            json.WriteBoolean("monthly", monthly);
            json.WriteNumber("cohortMonths", options.CohortMonths);
            json.WriteNumber("maxCohorts", options.MaxCohorts);
            json.WriteNumber("chartWidth", options.ChartWidth);
            Strings(json, "cards", ["customers", "orders", "revenue", "aov"]);
            Strings(json, "segments", dataset.Segments);
            Strings(json, "categories", dataset.Categories);
            ModelJson.Write(json, dataset, covered, models, format);
            ProductJson.Write(json, dataset, orders, options, format);
            json.WriteStartArray("customers");
            for (var c = 0; c < dataset.Customers.Count; c++)
            {
                json.WriteStartArray();
                json.WriteStringValue(dataset.Customers[c].Id);
                json.WriteNumberValue(dataset.CustomerSegments[c]);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("orders");
            foreach (var order in orders)
            {
                json.WriteStartArray();
                json.WriteStringValue(dataset.GetOrderId(order.Index));
                json.WriteNumberValue(order.Day);
                json.WriteNumberValue(order.Customer);
                foreach (var (category, revenue, units) in order.Categories)
                {
                    json.WriteNumberValue(category);
                    json.WriteNumberValue(revenue);
                    json.WriteNumberValue(units);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return new InteractiveData(System.Text.Encoding.ASCII.GetString(buffer.WrittenSpan), orders.Count);
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>The orders in order-index order: day of the earliest line (local, from the range's first day), customer, and
    /// revenue and units per category and per product in first-seen order.</summary>
    private static List<EmbeddedOrder> OrderFactsOf(EnrichedDataset dataset, DataRange range, TimeZoneInfo zone)
    {
        var byIndex = new EmbeddedOrder?[dataset.OrderCount];
        var orderColumn = dataset.OrderIndexes;
        var productColumn = dataset.ProductIndexes;
        var quantities = dataset.Quantities;
        var ticks = dataset.TimestampTicks;
        var customers = dataset.CustomerIndexes;
        for (var row = 0; row < orderColumn.Length; row++)
        {
            var index = orderColumn[row];
            var day = DataRange.LocalDay(ticks[row], zone).DayNumber - range.First.DayNumber;
            var order = byIndex[index] ??= new EmbeddedOrder(index, day, customers[row]);
            var product = productColumn[row];
            order.Add(day, dataset.ProductCategories[product], product, (long)(dataset.GetRevenue(row) * MoneyFactor), quantities[row]);
        }

        return [.. byIndex.OfType<EmbeddedOrder>()];
    }
}
