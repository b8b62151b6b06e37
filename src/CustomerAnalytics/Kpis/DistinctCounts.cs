using System.Numerics;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Kpis;

/// <summary>Distinct customers or orders per group, counted exactly in linear time.</summary>
internal static class DistinctCounts
{
    /// <summary>
    /// Counts, per group, the distinct values of <paramref name="entities"/> (customers or orders) among the group's
    /// rows, exactly, in linear time: over the rows as they are when each entity's rows are adjacent (as an order's
    /// lines usually are), with a bit per group and entity when there are at most 64 groups, else over the rows
    /// regrouped by entity (a counting sort). Rows whose group is negative are left out.
    /// </summary>
    public static void PerGroup(int[] entities, int entityCount, int[] keyColumn, int[]? keyMap, int[] counts)
    {
        if (Adjacent(entities, entityCount))
        {
            CountRuns(entities, default, keyColumn, keyMap, counts);
        }
        else if (counts.Length <= 64)
        {
            var bits = new ulong[entityCount];
            for (var row = 0; row < entities.Length; row++)
            {
                var group = keyMap is null ? keyColumn[row] : keyMap[keyColumn[row]];
                if (group >= 0)
                {
                    bits[entities[row]] |= 1UL << group;
                }
            }

            foreach (var mask in bits)
            {
                for (var m = mask; m != 0; m &= m - 1)
                {
                    counts[BitOperations.TrailingZeroCount(m)]++;
                }
            }
        }
        else
        {
            CountRuns(entities, RowGroups.By(entities, entityCount).All, keyColumn, keyMap, counts);
        }
    }

    /// <summary>Takes the guest out of distinct customer counts per group: one less in each group it has a line in.</summary>
    public static void UncountGuest(EnrichedDataset dataset, int[] keyColumn, int[]? keyMap, int[] counts)
    {
        if (dataset.GuestCustomer < 0)
        {
            return;
        }

        var counted = new bool[counts.Length];
        var customers = dataset.CustomerColumn;
        for (var row = 0; row < customers.Length; row++)
        {
            var group = keyMap is null ? keyColumn[row] : keyMap[keyColumn[row]];
            if (customers[row] == dataset.GuestCustomer && group >= 0 && !counted[group])
            {
                counted[group] = true;
                counts[group]--;
            }
        }
    }

    /// <summary>Counts (group, entity) pairs visiting rows in <paramref name="order"/> (or row order when empty), where each entity's rows are adjacent.</summary>
    private static void CountRuns(int[] entities, ReadOnlySpan<int> order, int[] keyColumn, int[]? keyMap, int[] counts)
    {
        var last = new int[counts.Length];
        Array.Fill(last, -1);
        for (var i = 0; i < entities.Length; i++)
        {
            var row = order.IsEmpty ? i : order[i];
            var group = keyMap is null ? keyColumn[row] : keyMap[keyColumn[row]];
            var entity = entities[row];
            if (group >= 0 && last[group] != entity)
            {
                last[group] = entity;
                counts[group]++;
            }
        }
    }

    /// <summary>Whether each entity's rows are adjacent (no entity reappears after another one's rows).</summary>
    private static bool Adjacent(int[] entities, int entityCount)
    {
        var seen = new bool[entityCount];
        var previous = -1;
        foreach (var entity in entities)
        {
            if (entity != previous)
            {
                if (seen[entity])
                {
                    return false;
                }

                seen[entity] = true;
                previous = entity;
            }
        }

        return true;
    }
}
