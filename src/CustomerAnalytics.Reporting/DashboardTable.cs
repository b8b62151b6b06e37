using System.Collections.Immutable;

namespace CustomerAnalytics.Reporting;

/// <summary>A table of already formatted cells; the writer escapes every cell.</summary>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows, each with one cell per column.</param>
/// <param name="Heat">Optional shading, row by row and cell by cell like <paramref name="Rows"/>: a value from 0 to 1
/// shades the cell in ten steps (a heat map, through style-sheet classes <c>h0</c>…<c>h9</c>); <see langword="null"/>
/// leaves it plain. <see langword="default"/> for no shading at all.</param>
public sealed record DashboardTable(ImmutableArray<DashboardColumn> Columns, ImmutableArray<ImmutableArray<string>> Rows, ImmutableArray<ImmutableArray<double?>> Heat = default);
