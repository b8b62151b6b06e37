using System.Collections.Immutable;
using System.Globalization;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>
/// Net revenue, lines and units per calendar month (UTC), every month from the first to the last sale present
/// (months without lines are zero). A stopgap until the core library's time-series KPIs land; then the dashboard
/// takes its monthly figures from there.
/// </summary>
internal sealed record MonthlyRevenue(string Month, decimal Revenue, int Lines, long Units)
{
    public static ImmutableArray<MonthlyRevenue> Compute(EnrichedDataset dataset)
    {
        var ticks = dataset.TimestampTicks;
        if (ticks.IsEmpty)
        {
            return [];
        }

        long min = long.MaxValue, max = long.MinValue;
        foreach (var t in ticks)
        {
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }

        var firstMonth = MonthOf(min);
        var count = MonthOf(max) - firstMonth + 1;
        var revenue = new decimal[count];
        var lines = new int[count];
        var units = new long[count];
        var quantities = dataset.Quantities;

        // Rows are usually in time order: keep the current month's tick range and decompose a date only on leaving it.
        long start = 1, end = 0;
        var slot = 0;
        for (var row = 0; row < ticks.Length; row++)
        {
            var t = ticks[row];
            if (t < start || t >= end)
            {
                var date = new DateTime(t, DateTimeKind.Utc);
                var first = new DateTime(date.Year, date.Month, 1, 0, 0, 0, DateTimeKind.Utc);
                start = first.Ticks;
                end = first.Year == 9999 && first.Month == 12 ? long.MaxValue : first.AddMonths(1).Ticks;
                slot = MonthOf(t) - firstMonth;
            }

            revenue[slot] += dataset.GetRevenue(row);
            lines[slot]++;
            units[slot] += quantities[row];
        }

        var result = ImmutableArray.CreateBuilder<MonthlyRevenue>(count);
        for (var i = 0; i < count; i++)
        {
            var month = firstMonth + i;
            var label = string.Create(CultureInfo.InvariantCulture, $"{month / 12:D4}-{(month % 12) + 1:D2}");
            result.Add(new MonthlyRevenue(label, revenue[i], lines[i], units[i]));
        }

        return result.ToImmutable();
    }

    private static int MonthOf(long ticks)
    {
        var date = new DateTime(ticks, DateTimeKind.Utc);
        return (date.Year * 12) + date.Month - 1;
    }
}
