using CustomerAnalytics.Enrichment.Staging;

namespace CustomerAnalytics.Loading;

/// <summary>
/// What each part of a parallel load parses (transactions, or order lines), and what is done with the parts' parsers
/// once their rows are joined in file order: order lines add the customers and products all parts named.
/// </summary>
internal sealed class PartParsing
{
    private PartParsing(Func<LoadSession, TransactionStaging, TransactionRowParser> create, Action<TransactionRowParser[], TransactionStaging> complete)
    {
        Create = create;
        Complete = complete;
    }

    /// <summary>The rows of <c>TransactionLoader.LoadInto</c>.</summary>
    public static PartParsing Transactions { get; } = new((session, part) => new TransactionRowParser(session, new StagingRowSink(part)), static (_, _) => { });

    /// <summary>The lines of <c>OrderLinesLoader.LoadInto</c>: their customers and products, read per part, are joined in file order.</summary>
    public static PartParsing OrderLines { get; } = new((session, part) => new OrderLineRowParser(session, new StagingRowSink(part)), CompleteOrderLines);

    /// <summary>The parser of one part, writing to the part's staging.</summary>
    public Func<LoadSession, TransactionStaging, TransactionRowParser> Create { get; }

    /// <summary>What the one-core load's <see cref="RowParser.Complete"/> does, given every part's parser in file order and the file's staging.</summary>
    public Action<TransactionRowParser[], TransactionStaging> Complete { get; }

    private static void CompleteOrderLines(TransactionRowParser[] parsers, TransactionStaging staging)
    {
        var first = (OrderLineRowParser)parsers[0];
        for (var i = 1; i < parsers.Length; i++)
        {
            first.Absorb((OrderLineRowParser)parsers[i]);
        }

        first.CompleteInto(staging);
    }
}
