namespace CustomerAnalytics.Reporting;

/// <summary>
/// One panel of the dashboard: a heading, an optional description, an optional chart and an optional table. This is
/// the extension point for further analyses (cohort retention, RFM segments, …): build a section from their results
/// and append it to <see cref="DashboardDocument.Sections"/>; the writer renders and escapes it like the built-in ones.
/// </summary>
/// <param name="Id">A unique id within the page: lower-case letters, digits and hyphens, starting with a letter
/// (used as the HTML id and to keep chart ids apart).</param>
/// <param name="Title">The heading.</param>
/// <param name="Description">A sentence under the heading, or <see langword="null"/>.</param>
/// <param name="Chart">The chart, or <see langword="null"/>.</param>
/// <param name="Table">The table, or <see langword="null"/>.</param>
public sealed record DashboardSection(string Id, string Title, string? Description = null, DashboardChart? Chart = null, DashboardTable? Table = null);
