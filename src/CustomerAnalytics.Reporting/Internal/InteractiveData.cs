using System.Buffers;
using System.Text.Json;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>
/// The data the page's script filters, as JSON: one entry per order (its id, local day, customer and, per category,
/// revenue in ten-thousandths and units), the customers (id, segment), the segment and category names, and the number
/// formats, and the run's model outputs per customer (<see cref="ModelJson"/>). Written with <see cref="Utf8JsonWriter"/>'s default encoder, which escapes <c>&lt; &gt; &amp; ' "</c> and
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
            Strings(json, "cards", ["customers", "orders", "revenue", "aov"]);
            Strings(json, "segments", dataset.Segments);
            Strings(json, "categories", dataset.Categories);
            ModelJson.Write(json, dataset, covered, models, format);
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
                foreach (var (category, revenue, units) in order.Lines)
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

    /// <summary>The orders in order-index order: day of the first line (local, from the range's first day), customer, and
    /// revenue and units per category in first-seen order.</summary>
    private static List<OrderFacts> OrderFactsOf(EnrichedDataset dataset, DataRange range, TimeZoneInfo zone)
    {
        var byIndex = new OrderFacts?[dataset.OrderCount];
        var orderColumn = dataset.OrderIndexes;
        var productColumn = dataset.ProductIndexes;
        var quantities = dataset.Quantities;
        var ticks = dataset.TimestampTicks;
        var customers = dataset.CustomerIndexes;
        for (var row = 0; row < orderColumn.Length; row++)
        {
            var index = orderColumn[row];
            var order = byIndex[index] ??= new OrderFacts(index, DataRange.LocalDay(ticks[row], zone).DayNumber - range.First.DayNumber, customers[row]);
            order.Add(dataset.ProductCategories[productColumn[row]], (long)(dataset.GetRevenue(row) * MoneyFactor), quantities[row]);
        }

        return [.. byIndex.OfType<OrderFacts>()];
    }

    private sealed class OrderFacts(int index, int day, int customer)
    {
        public int Index { get; } = index;

        public int Day { get; } = day;

        public int Customer { get; } = customer;

        public List<(int Category, long Revenue, long Units)> Lines { get; } = [];

        public void Add(int category, long revenue, long units)
        {
            var at = Lines.FindIndex(l => l.Category == category);
            if (at < 0)
            {
                Lines.Add((category, revenue, units));
            }
            else
            {
                Lines[at] = (category, Lines[at].Revenue + revenue, Lines[at].Units + units);
            }
        }
    }
}
