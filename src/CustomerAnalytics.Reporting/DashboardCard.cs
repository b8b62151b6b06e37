namespace CustomerAnalytics.Reporting;

/// <summary>One headline figure at the top of the dashboard.</summary>
/// <param name="Label">What the figure is, for example <c>Revenue</c>.</param>
/// <param name="Value">The figure, already formatted (the writer escapes it).</param>
public sealed record DashboardCard(string Label, string Value);
