namespace CustomerAnalytics.Reporting;

/// <summary>
/// One panel of the dashboard: a heading, an optional description, an optional chart, heat map and table. This is
/// the extension point for further analyses: build a section from their results and append it to
/// <see cref="DashboardDocument.Sections"/>; the writer renders and escapes it like the built-in ones. A section with no
/// data (no chart labels, no heat-map rows, no table rows) is not drawn: it is listed under "Not shown" with its
/// description, which should then say why (for example <c>Every product has the same category.</c>).
/// </summary>
/// <param name="Id">A unique id within the page: lower-case letters, digits and hyphens, starting with a letter
/// (used as the HTML id and to keep chart ids apart).</param>
/// <param name="Title">The heading.</param>
/// <param name="Description">A sentence under the heading, or <see langword="null"/>.</param>
/// <param name="Chart">The chart, or <see langword="null"/>.</param>
/// <param name="Table">The table, or <see langword="null"/>.</param>
public sealed record DashboardSection(string Id, string Title, string? Description = null, DashboardChart? Chart = null, DashboardTable? Table = null)
{
    /// <summary>A heat map drawn after the chart and before the table.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public DashboardHeatMap? HeatMap { get; init; }

    /// <summary>Whether the section has anything to draw.</summary>
    internal bool HasData =>
        Chart is { Labels.IsDefaultOrEmpty: false } || HeatMap is { RowLabels.IsDefaultOrEmpty: false } || Table is { Rows.IsDefaultOrEmpty: false };
}
