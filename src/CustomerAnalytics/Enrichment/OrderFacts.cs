namespace CustomerAnalytics.Enrichment;

/// <summary>
/// The one definition of an order that every customer KPI, RFM and lifetime calculation uses: a distinct
/// <see cref="EnrichedDataset.OrderIndexes"/> value. Its customer is the customer of its first row; its time is the
/// earliest timestamp of its rows; its revenue and units are the sums over its rows (returns subtract). An order is a
/// <em>purchase</em> when its net units are positive and a <em>return</em> when they are negative.
/// </summary>
/// <remarks>
/// Built once per dataset, on first use, and kept there (<see cref="EnrichedDataset.OrderFacts"/>); immutable apart from
/// the cache of <see cref="LocalDays"/>, which is safe to share between threads.
/// </remarks>
internal sealed class OrderFacts
{
    private ZoneDays? _days;

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

    /// <summary>
    /// Per order: its local day (<see cref="DateOnly.DayNumber"/>) in <paramref name="zone"/>. The days of the zone asked
    /// last are kept, so the analyses of one run (usually all in one zone) map the instants once; read only.
    /// </summary>
    public int[] LocalDays(TimeZoneInfo zone)
    {
        if (Volatile.Read(ref _days) is { } kept && kept.Zone.Equals(zone))
        {
            return kept.Days;
        }

        var days = Days(Ticks, zone);
        Volatile.Write(ref _days, new ZoneDays(zone, days));
        return days;
    }

    /// <summary>The local day (<see cref="DateOnly.DayNumber"/>) of a UTC instant in <paramref name="zone"/>.</summary>
    private static int Day(long utcTicks, TimeZoneInfo zone)
    {
        if (ReferenceEquals(zone, TimeZoneInfo.Utc))
        {
            return (int)(utcTicks / TimeSpan.TicksPerDay);
        }

        var offset = zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc));
        return (int)((utcTicks + offset.Ticks) / TimeSpan.TicksPerDay);
    }

    /// <summary>The local days of many instants; a zone with a fixed offset is applied without per-instant look-ups.</summary>
    private static int[] Days(long[] utcTicks, TimeZoneInfo zone)
    {
        var days = new int[utcTicks.Length];
        var fixedOffset = ReferenceEquals(zone, TimeZoneInfo.Utc) || (zone.GetAdjustmentRules().Length == 0 && !zone.SupportsDaylightSavingTime)
            ? zone.BaseUtcOffset.Ticks
            : (long?)null;
        for (var i = 0; i < utcTicks.Length; i++)
        {
            days[i] = fixedOffset is { } off
                ? (int)((utcTicks[i] + off) / TimeSpan.TicksPerDay)
                : Day(utcTicks[i], zone);
        }

        return days;
    }

    /// <summary>Sums the rows of <paramref name="dataset"/> into one entry per order.</summary>
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

    /// <summary>The local days of every order in one zone, swapped in as one reference.</summary>
    private sealed record ZoneDays(TimeZoneInfo Zone, int[] Days);
}
