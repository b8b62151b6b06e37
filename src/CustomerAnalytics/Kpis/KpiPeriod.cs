namespace CustomerAnalytics.Kpis;

/// <summary>The length of the periods of a time series.</summary>
public enum KpiPeriod
{
    /// <summary>Calendar days.</summary>
    Day,

    /// <summary>ISO 8601 weeks, Monday to Sunday, labelled by ISO week-year and week (<c>2024-W09</c>).</summary>
    IsoWeek,

    /// <summary>Calendar months.</summary>
    Month,
}
