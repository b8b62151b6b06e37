namespace CustomerAnalytics.Reporting;

/// <summary>How a <see cref="DashboardChart"/> is drawn.</summary>
public enum DashboardChartKind
{
    /// <summary>One horizontal bar per label, the first label at the top, its value at the bar's end: for rankings.</summary>
    HorizontalBars = 0,

    /// <summary>One vertical bar (column) per label, left to right: for time series.</summary>
    VerticalBars = 1,

    /// <summary>A line through one point per label, left to right: for long time series.</summary>
    Line = 2,
}
