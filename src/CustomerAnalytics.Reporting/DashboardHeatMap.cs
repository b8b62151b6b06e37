using System.Collections.Immutable;

namespace CustomerAnalytics.Reporting;

/// <summary>
/// A heat map of shares (0 to 1), drawn as inline SVG: one row per row label, one cell per column label, shaded in ten steps
/// of one blue scale (with a legend) and labelled as a percentage when the cell is wide enough; <see langword="null"/> cells
/// stay blank.
/// </summary>
/// <param name="RowLabels">The row labels, top to bottom (the writer escapes them).</param>
/// <param name="ColumnLabels">The column labels, left to right.</param>
/// <param name="Values">One row of values per row label, one value (or <see langword="null"/>) per column label.</param>
/// <param name="ValueLabel">What the shares are, for example <c>Retention</c> (shown in the legend).</param>
public sealed record DashboardHeatMap(
    ImmutableArray<string> RowLabels,
    ImmutableArray<string> ColumnLabels,
    ImmutableArray<ImmutableArray<double?>> Values,
    string ValueLabel);
