namespace CustomerAnalytics.Kpis;

/// <summary>Maps local calendar days (<see cref="Enrichment.OrderFacts.LocalDays"/>) to periods: day, ISO week, month.</summary>
internal static class LocalCalendar
{
    /// <summary>The index of the period holding a local day: the day number, the ISO week number since 0001-01-01, or months since year 0.</summary>
    public static int PeriodIndex(int dayNumber, KpiPeriod period) => period switch
    {
        KpiPeriod.Day => dayNumber,

        // Day 0 (0001-01-01) is a Monday, so ISO weeks are blocks of seven days from day 0.
        KpiPeriod.IsoWeek => dayNumber / 7,
        _ => MonthIndex(dayNumber),
    };

    /// <summary>The first day of a period.</summary>
    public static DateOnly PeriodStart(int periodIndex, KpiPeriod period) => period switch
    {
        KpiPeriod.Day => DateOnly.FromDayNumber(periodIndex),
        KpiPeriod.IsoWeek => DateOnly.FromDayNumber(periodIndex * 7),
        _ => new DateOnly(periodIndex / 12, (periodIndex % 12) + 1, 1),
    };

    /// <summary>Months since year 0 of a local day.</summary>
    public static int MonthIndex(int dayNumber)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        return (date.Year * 12) + date.Month - 1;
    }

    /// <summary>The period's label: <c>2024-03-05</c>, <c>2024-W09</c> (ISO year and week) or <c>2024-03</c>.</summary>
    public static string Label(int periodIndex, KpiPeriod period)
    {
        var start = PeriodStart(periodIndex, period);
        return period switch
        {
            KpiPeriod.Day => start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            KpiPeriod.IsoWeek => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{System.Globalization.ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue)):D4}-W{System.Globalization.ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):D2}"),
            _ => start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
