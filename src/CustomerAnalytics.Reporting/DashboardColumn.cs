namespace CustomerAnalytics.Reporting;

/// <summary>A column of a <see cref="DashboardTable"/>.</summary>
/// <param name="Header">The column header (the writer escapes it).</param>
/// <param name="IsNumeric">Whether the column holds numbers (right-aligned).</param>
public sealed record DashboardColumn(string Header, bool IsNumeric = false);
