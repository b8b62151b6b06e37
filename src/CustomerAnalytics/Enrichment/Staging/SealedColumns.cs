using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// The staged columns as arrays, for the join to work on in place: <see cref="Revenue"/> starts as the line totals
/// (<see cref="LineTotals"/> is the same array then) or uninitialized; <see cref="UnitPrices"/> is
/// <see langword="null"/> when no line brought its own.
/// </summary>
internal sealed record SealedColumns(
    int RowCount,
    int[] Customers,
    int[] Products,
    int[] Orders,
    int[] Quantities,
    long[] Ticks,
    long[] Revenue,
    long[]? UnitPrices,
    long[]? LineTotals,
    IdColumn Ids)
{
    /// <summary>Each row's weight (NaN: none), or <see langword="null"/> when no row brought one.</summary>
    public float[]? Weights { get; init; }
}
