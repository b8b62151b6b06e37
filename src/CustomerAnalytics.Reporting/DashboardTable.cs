using System.Collections.Immutable;

namespace CustomerAnalytics.Reporting;

/// <summary>A table of already formatted cells; the writer escapes every cell.</summary>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows, each with one cell per column.</param>
public sealed record DashboardTable(ImmutableArray<DashboardColumn> Columns, ImmutableArray<ImmutableArray<string>> Rows);
