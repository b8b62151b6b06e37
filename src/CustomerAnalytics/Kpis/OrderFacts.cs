using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Kpis;

/// <summary>
/// The one definition of an order that every customer KPI, RFM and lifetime calculation uses: a distinct
/// <see cref="EnrichedDataset.OrderIndexes"/> value. Its customer is the customer of its first row; its time is the
/// earliest timestamp of its rows; its revenue and units are the sums over its rows (returns subtract). An order is a
/// <em>purchase</em> when its net units are positive and a <em>return</em> when they are negative.
/// </summary>
internal sealed class OrderFacts
{
    private OrderFacts(int[] customer, long[] ticks, long[] revenueUnits, long[] units)
    {
        Customer = customer;
        Ticks = ticks;
        RevenueUnits = revenueUnits;
        Units = units;
    }

    /// <summary>The number of orders.</summary>
    public int Count => Customer.Length;

    /// <summary>Per order: the customer index.</summary>
    public int[] Customer { get; }

    /// <summary>Per order: UTC ticks of its earliest row.</summary>
    public long[] Ticks { get; }

    /// <summary>Per order: net revenue in money units (1/10,000).</summary>
    public long[] RevenueUnits { get; }

    /// <summary>Per order: net units (Σ quantity).</summary>
    public long[] Units { get; }

    /// <summary>Whether an order is a purchase (net units &gt; 0).</summary>
    public bool IsPurchase(int order) => Units[order] > 0;

    /// <summary>Whether an order is a return (net units &lt; 0).</summary>
    public bool IsReturn(int order) => Units[order] < 0;

    public static OrderFacts Build(EnrichedDataset dataset)
    {
        var count = dataset.OrderCount;
        var customer = new int[count];
        var ticks = new long[count];
        var revenue = new long[count];
        var units = new long[count];
        Array.Fill(customer, -1);
        var orders = dataset.OrderColumn;
        var customers = dataset.CustomerColumn;
        var rowTicks = dataset.TicksColumn;
        var rowRevenue = dataset.RevenueUnits;
        var quantities = dataset.QuantityColumn;
        for (var row = 0; row < orders.Length; row++)
        {
            var o = orders[row];
            if (customer[o] < 0)
            {
                customer[o] = customers[row];
                ticks[o] = rowTicks[row];
            }
            else if (rowTicks[row] < ticks[o])
            {
                ticks[o] = rowTicks[row];
            }

            revenue[o] += rowRevenue[row];
            units[o] += quantities[row];
        }

        return new OrderFacts(customer, ticks, revenue, units);
    }
}
