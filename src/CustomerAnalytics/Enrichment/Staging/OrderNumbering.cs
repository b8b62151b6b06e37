using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>The join's order pass: the orders of the kept rows, numbered densely.</summary>
internal static class OrderNumbering
{
    /// <summary>
    /// Numbers the orders of the kept rows (the first <paramref name="kept"/>): a named order counts only when a kept
    /// row is in it, so the named orders some kept row uses are renumbered densely (in the order their ids first
    /// appeared); a line without an order id is an order of its own, numbered after them.
    /// </summary>
    public static (IdColumn Named, int[] OwnRows) Number(int[] orders, int kept, IdColumn named, bool allKept)
    {
        // Every order id entered with a line, so when every line is kept every named order is used.
        if (!allKept)
        {
            var map = new int[named.Count];
            Array.Fill(map, -1);
            for (var row = 0; row < kept; row++)
            {
                if (orders[row] >= 0)
                {
                    map[orders[row]] = 0;
                }
            }

            var used = new GrowableArray<int>(0);
            for (var order = 0; order < map.Length; order++)
            {
                if (map[order] == 0)
                {
                    map[order] = used.Count;
                    used.Add(order);
                }
            }

            if (used.Count != named.Count)
            {
                for (var row = 0; row < kept; row++)
                {
                    if (orders[row] >= 0)
                    {
                        orders[row] = map[orders[row]];
                    }
                }

                named = named.Select(used.ToTrimmedArray());
            }
        }

        var ownOrderRows = new GrowableArray<int>(0);
        for (var row = 0; row < kept; row++)
        {
            if (orders[row] < 0)
            {
                orders[row] = named.Count + ownOrderRows.Count;
                ownOrderRows.Add(row);
            }
        }

        return (named, ownOrderRows.ToTrimmedArray());
    }
}
