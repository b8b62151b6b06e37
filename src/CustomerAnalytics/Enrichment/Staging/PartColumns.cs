using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// Column arrays shared by the parts of a parallel load, one region per part: allocated once at the size the rows
/// are expected to have, so that no row is written to memory twice (in this kind of machine, memory touched for the
/// first time costs more than the parsing that fills it).
/// </summary>
internal sealed class PartColumns(int rows)
{
    public int[] Customers { get; } = LargeArray.Uninitialized<int>(rows);

    public int[] Products { get; } = LargeArray.Uninitialized<int>(rows);

    public int[] Orders { get; } = LargeArray.Uninitialized<int>(rows);

    public int[] Quantities { get; } = LargeArray.Uninitialized<int>(rows);

    public long[] Ticks { get; } = LargeArray.Uninitialized<long>(rows);
}
