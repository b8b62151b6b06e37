using System.Collections.Immutable;

namespace CustomerAnalytics.Artifacts;

/// <summary>
/// The account of one input of a run: <see cref="RowsRead"/> = <see cref="RowsLoaded"/> + <see cref="RowsRejected"/>
/// (by the loader); for the transactions (or order lines), <see cref="RowsLoaded"/> = <see cref="RowsKept"/> + the
/// rows the join left out, by reason (<see cref="LeftOut"/>).
/// </summary>
/// <param name="Role">What the input held: <c>customers</c>, <c>products</c>, <c>transactions</c> or <c>order_lines</c>.</param>
/// <param name="Name">The source name (the file name for files).</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsLoaded">Rows the loader loaded.</param>
/// <param name="RowsRejected">Rows the loader rejected.</param>
/// <param name="RowsKept">For transactions and order lines, the rows kept in the dataset; <see langword="null"/> for customers and products.</param>
/// <param name="LeftOut">
/// For transactions and order lines, the loaded rows the join left out by reason (<c>unknown_customer</c>,
/// <c>unknown_product</c>, <c>duplicate_transaction_id</c>, <c>missing_price</c>, <c>money_out_of_range</c>), each row
/// under the first reason found; empty otherwise.
/// </param>
public sealed record InputAccount(
    string Role,
    string Name,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    long? RowsKept,
    ImmutableSortedDictionary<string, long> LeftOut)
{
    /// <summary>Whether the counts add up: read = loaded + rejected and, for transactions, loaded = kept + left out.</summary>
    /// <returns><see langword="true"/> when every row is accounted for.</returns>
    public bool AddsUp() =>
        RowsRead == RowsLoaded + RowsRejected
        && (RowsKept is not { } kept ? LeftOut.IsEmpty : RowsLoaded == kept + LeftOut.Values.Sum());
}
