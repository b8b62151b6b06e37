using System.Collections.Immutable;

namespace CustomerAnalytics.Reporting;

/// <summary>
/// A chart of one series, one value per label, drawn as inline SVG by the package's own managed chart module: bars in the
/// series colour, named in a legend. Horizontal bar charts with more than <see cref="DashboardOptions.MaxChartBars"/> bars
/// fold the rest into one grey <c>Other</c> bar (their sum), so pass additive values (revenue, counts) in rank order.
/// </summary>
/// <param name="Kind">How the values are drawn.</param>
/// <param name="Labels">The labels, in display order (the writer escapes them).</param>
/// <param name="Values">One value per label.</param>
/// <param name="ValueAxisLabel">What the values are, for example <c>Revenue (£)</c>: the legend's name of the series unless
/// <see cref="SeriesName"/> is set.</param>
public sealed record DashboardChart(DashboardChartKind Kind, ImmutableArray<string> Labels, ImmutableArray<decimal> Values, string ValueAxisLabel)
{
    /// <summary>The series' name in the legend.</summary>
    /// <value>Defaults to <see langword="null"/>: <see cref="ValueAxisLabel"/>.</value>
    public string? SeriesName { get; init; }

    /// <summary>One flag per label: whether the label is a period the data covers only partly (drawn pale and dashed, with a
    /// legend entry), such as a month the data starts or ends in.</summary>
    /// <value>Defaults to <see langword="default"/>: no partial periods.</value>
    public ImmutableArray<bool> Partial { get; init; }
}
