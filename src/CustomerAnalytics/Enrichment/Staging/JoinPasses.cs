using System.Collections.Immutable;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// The join: turns a staging into the dataset in named passes - map the dimensions, find repeated ids, check and keep
/// the rows (reporting their issues), number the orders, account for it all in the report, assemble the dataset.
/// </summary>
internal static class JoinPasses
{
    /// <summary>Below this many rows, the row pass runs on one core.</summary>
    private const int ParallelRowThreshold = 1 << 16;

    /// <summary>Joins what was staged (the staging is sealed first) and returns the immutable dataset.</summary>
    public static EnrichedDataset Build(TransactionStaging staging, EnrichmentOptions options, CancellationToken cancellationToken)
    {
        staging.Seal();
        cancellationToken.ThrowIfCancellationRequested();
        var dimensions = DimensionTables.Join(staging, options);
        cancellationToken.ThrowIfCancellationRequested();

        // The dataset's customer look-up only needs the customer table: build it on the other core meanwhile.
        var customerLookup = Task.Run(() => EnrichedDataset.CustomerLookup(dimensions.Customers));
        var columns = staging.Columns.Seal();
        var firstRowOfId = DuplicateIds.FirstRowOfEach(columns.Ids);
        cancellationToken.ThrowIfCancellationRequested();
        var (kept, keptRows) = KeepRows(new RowPass(staging, options, columns, dimensions, firstRowOfId), staging, options, columns);
        cancellationToken.ThrowIfCancellationRequested();
        var (namedOrderIds, ownOrderRows) = OrderNumbering.Number(columns.Orders, kept, staging.Orders.ToColumn(), allKept: kept == columns.RowCount);
        var report = Report(staging, kept);
        if (options.StrictReferences && UnknownReferenceError.Create(report, options) is { } error)
        {
            StagingThrow.DataLoadException_UnknownReferences(error);
        }

        var all = new EnrichedDataset(
            dimensions.Customers,
            dimensions.CustomerSegments,
            dimensions.Products,
            dimensions.ProductCategories,
            dimensions.Segments,
            dimensions.Categories,
            Trim(columns.Customers, kept),
            Trim(columns.Products, kept),
            Trim(columns.Orders, kept),
            Trim(columns.Quantities, kept),
            Trim(columns.Ticks, kept),
            Trim(columns.Revenue, kept),
            columns.UnitPrices is null ? null : Trim(columns.UnitPrices, kept),
            keptRows is null ? columns.Ids : columns.Ids.Select(keptRows.AsSpan(0, kept)),
            namedOrderIds,
            ownOrderRows,
            report,
            customerLookup.GetAwaiter().GetResult())
        {
            WeightColumn = columns.Weights is null ? null : Trim(columns.Weights, kept),
            GuestCustomer = staging.GuestCustomerId is not { } guest ? -1 : Array.FindIndex(dimensions.Customers, c => c.Id == guest),
        };
        return SaleRows.Split(all);
    }

    /// <summary>
    /// Runs the row pass on every core over ranges of rows, then joins the ranges in order: issues listed as one pass
    /// would list them, kept rows moved together when some were left out. Returns how many rows were kept and, when
    /// some were left out, the original row of each.
    /// </summary>
    private static (int Kept, int[]? KeptRows) KeepRows(RowPass pass, TransactionStaging staging, EnrichmentOptions options, SealedColumns columns)
    {
        var rowCount = columns.RowCount;
        var ranges = rowCount < ParallelRowThreshold ? 1 : options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        var results = new RangeResult[ranges];
        Parallel.For(0, ranges, r => results[r] = pass.Run((int)((long)rowCount * r / ranges), (int)((long)rowCount * (r + 1) / ranges)));
        var kept = 0;
        int[]? keptRows = null;
        foreach (var result in results)
        {
            staging.Issues.Absorb(result.Issues);
            if (result.Kept != result.End - result.Start || keptRows is not null)
            {
                keptRows ??= MakeIdentity(rowCount, kept);
                MoveKept(result, kept, keptRows, columns);
            }

            kept += result.Kept;
        }

        return (kept, keptRows);
    }

    /// <summary>The account: rows read and kept, issues counted by kind, rows left out by reason, the issues listed.</summary>
    private static EnrichmentReport Report(TransactionStaging staging, int kept) => new()
    {
        TransactionsRead = staging.TransactionsRead,
        TransactionsKept = kept,
        Counts = staging.Issues.Counts.ToImmutableSortedDictionary(),
        LeftOut = staging.Issues.LeftOut.ToImmutableSortedDictionary(),
        Issues = [.. staging.Issues.Listed],
    };

    /// <summary>Row indexes 0 … <paramref name="count"/> − 1 in an array of <paramref name="length"/>.</summary>
    private static int[] MakeIdentity(int length, int count)
    {
        var rows = new int[length];
        for (var i = 0; i < count; i++)
        {
            rows[i] = i;
        }

        return rows;
    }

    /// <summary>Moves the rows a range kept (at its start) to <paramref name="to"/>, recording their original rows.</summary>
    private static void MoveKept(RangeResult range, int to, int[] keptRows, SealedColumns columns)
    {
        void Move<T>(T[] column) => Array.Copy(column, range.Start, column, to, range.Kept);
        Move(columns.Customers);
        Move(columns.Products);
        Move(columns.Orders);
        Move(columns.Quantities);
        Move(columns.Ticks);
        Move(columns.Revenue);
        if (columns.UnitPrices is not null)
        {
            Move(columns.UnitPrices);
        }

        if (columns.Weights is not null)
        {
            Move(columns.Weights);
        }

        for (var i = 0; i < range.Kept; i++)
        {
            keptRows[to + i] = range.KeptRows is null ? range.Start + i : range.KeptRows[i];
        }
    }

    private static T[] Trim<T>(T[] array, int length)
    {
        if (array.Length != length)
        {
            Array.Resize(ref array, length);
        }

        return array;
    }
}
