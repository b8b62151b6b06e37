using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>The first and last local day with a transaction, and whether a period lies wholly inside them.</summary>
internal readonly record struct DataRange(DateOnly First, DateOnly Last)
{
    /// <summary>The range of <paramref name="dataset"/>'s timestamps in <paramref name="zone"/>; <see langword="null"/> without transactions.</summary>
    public static DataRange? Of(EnrichedDataset dataset, TimeZoneInfo zone)
    {
        var ticks = dataset.TimestampTicks;
        if (ticks.IsEmpty)
        {
            return null;
        }

        long min = long.MaxValue, max = long.MinValue;
        foreach (var tick in ticks)
        {
            min = Math.Min(min, tick);
            max = Math.Max(max, tick);
        }

        return new DataRange(LocalDay(min, zone), LocalDay(max, zone));
    }

    /// <summary>Whether the data covers only part of <paramref name="period"/>: it starts after the period's first day or
    /// ends before its last.</summary>
    public bool IsPartial(PeriodKpi period) => StartsWithin(period) || EndsWithin(period);

    /// <summary>Whether the data starts after <paramref name="period"/>'s first day.</summary>
    public bool StartsWithin(PeriodKpi period) => period.Start < First;

    /// <summary>Whether the data ends before <paramref name="period"/>'s last day (a day, an ISO week or a month, told by its label).</summary>
    public bool EndsWithin(PeriodKpi period)
    {
        var last = period.Period.Length == 10 ? period.Start
            : period.Period.Contains("-W", StringComparison.Ordinal) ? period.Start.AddDays(6)
            : period.Start.AddMonths(1).AddDays(-1);
        return last > Last;
    }

    /// <summary>The local day of a UTC timestamp in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDay(long utcTicks, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(new DateTime(utcTicks, DateTimeKind.Utc), zone));
}
