namespace CustomerAnalytics.Loading;

/// <summary>
/// One good transaction row as a parser hands it to an <see cref="ITransactionSink"/>: ids as the source's UTF-8 bytes
/// (trimmed; valid only during the call), numbers parsed, money in <see cref="Internal.Money"/> units or
/// <see cref="Internal.Money.None"/>, and the row's line in its source.
/// </summary>
internal readonly ref struct TransactionRow
{
    /// <summary>The transaction id when it is not a canonical integer; empty when <see cref="Number"/> is the id.</summary>
    public ReadOnlySpan<byte> Id { get; init; }

    /// <summary>The integer id, or (a source without an id column) the row's number among the rows read.</summary>
    public long Number { get; init; }

    /// <summary>The customer id (the guest's id for a kept guest line).</summary>
    public ReadOnlySpan<byte> CustomerId { get; init; }

    public ReadOnlySpan<byte> ProductId { get; init; }

    public int Quantity { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public long UnitPrice { get; init; }

    /// <summary>The order id; empty when the row has none.</summary>
    public ReadOnlySpan<byte> OrderId { get; init; }

    /// <summary>
    /// Changes whenever the order id differs from the previous row's (rejected rows included), so a sink can keep the
    /// last order's look-up while it stays the same: the lines of one order are usually adjacent.
    /// </summary>
    public int OrderSerial { get; init; }

    public long LineTotal { get; init; }

    /// <summary>The row's weight (<see cref="TransactionColumns.Weight"/>); <see cref="float.NaN"/> when it has none.</summary>
    public float Weight { get; init; }

    /// <summary>The row's line in its source.</summary>
    public long Line { get; init; }
}
