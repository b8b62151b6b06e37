using System.Collections.Immutable;

namespace CustomerAnalytics.Reporting;

/// <summary>A bar chart of one value per label, rendered to inline SVG by ScottPlot.</summary>
/// <param name="Kind">How the bars are drawn.</param>
/// <param name="Labels">The bar labels, in display order (the writer escapes them).</param>
/// <param name="Values">One value per label.</param>
/// <param name="ValueAxisLabel">The title of the value axis, for example <c>Revenue</c>.</param>
public sealed record DashboardChart(DashboardChartKind Kind, ImmutableArray<string> Labels, ImmutableArray<decimal> Values, string ValueAxisLabel);
