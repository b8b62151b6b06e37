namespace CustomerAnalytics.Reporting;

/// <summary>How a <see cref="DashboardChart"/> is drawn.</summary>
public enum DashboardChartKind
{
    /// <summary>One horizontal bar per label, the first label at the top: for rankings.</summary>
    HorizontalBars = 0,

    /// <summary>One vertical bar per label, left to right: for time series.</summary>
    VerticalBars = 1,
}
