namespace CustomerAnalytics.Kpis;

/// <summary>Maps UTC ticks to local calendar days and periods (day, ISO week, month) of a time zone.</summary>
internal static class LocalCalendar
{
    /// <summary>The local day (<see cref="DateOnly.DayNumber"/>) of a UTC instant in <paramref name="zone"/>.</summary>
    public static int Day(long utcTicks, TimeZoneInfo zone)
    {
        if (ReferenceEquals(zone, TimeZoneInfo.Utc))
        {
            return (int)(utcTicks / TimeSpan.TicksPerDay);
        }

        var offset = zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc));
        return (int)((utcTicks + offset.Ticks) / TimeSpan.TicksPerDay);
    }

    /// <summary>The local days of many instants; a zone with a fixed offset is applied without per-instant look-ups.</summary>
    public static int[] Days(long[] utcTicks, TimeZoneInfo zone)
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
