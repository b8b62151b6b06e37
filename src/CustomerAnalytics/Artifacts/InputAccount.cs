using System.Collections.Immutable;
using System.Text.Json;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;

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
/// <remarks>
/// What the loader kept with a warning is counted too: <see cref="GuestLines"/>, <see cref="NegativePricesKept"/> and
/// <see cref="MoneyValuesRounded"/> (0 when not asked for, and in manifests written before they existed).
/// </remarks>
public sealed record InputAccount(
    string Role,
    string Name,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    long? RowsKept,
    ImmutableSortedDictionary<string, long> LeftOut)
{
    /// <summary>The account of an input from its loader's report and, for the transactions, the join's report.</summary>
    /// <param name="role">What the input held (<c>transactions</c>, …).</param>
    /// <param name="name">The source name.</param>
    /// <param name="load">The loader's report.</param>
    /// <param name="join">The join's report, for the input whose rows the join took (transactions or order lines); <see langword="null"/> otherwise.</param>
    /// <returns>The account.</returns>
    public static InputAccount Of(string role, string name, LoadReport load, EnrichmentReport? join)
    {
        ArgumentNullException.ThrowIfNull(load);
        return new InputAccount(role, name, load.RowsRead, load.RowsLoaded, load.RowsRejected, join?.TransactionsKept, join is null ? Empty : LeftOutOf(join))
        {
            GuestLines = load.GuestLines,
            NegativePricesKept = load.NegativePricesKept,
            MoneyValuesRounded = load.MoneyValuesRounded,
        };
    }

    /// <summary>Lines loaded without a customer id, kept under the guest customer (<see cref="LoadOptions.KeepGuestLines"/>); counted in <see cref="RowsLoaded"/>.</summary>
    public long GuestLines { get; init; }

    /// <summary>Lines loaded with a negative unit price, kept as adjustments (<see cref="LoadOptions.AllowNegativePrices"/>); counted in <see cref="RowsLoaded"/>.</summary>
    public long NegativePricesKept { get; init; }

    /// <summary>Amounts rounded to <see cref="LoadOptions.MoneyDecimals"/> places as they were loaded (a row may hold more than one).</summary>
    public long MoneyValuesRounded { get; init; }

    /// <summary>The rows a join left out, by reason name (<c>unknown_customer</c>, <c>missing_price</c>, …).</summary>
    internal static ImmutableSortedDictionary<string, long> LeftOutOf(EnrichmentReport join) =>
        join.LeftOut.ToImmutableSortedDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Key.ToString()), p => (long)p.Value, StringComparer.Ordinal);

    private static ImmutableSortedDictionary<string, long> Empty { get; } = ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Whether the counts add up: read = loaded + rejected and, for transactions, loaded = kept + left out.</summary>
    /// <returns><see langword="true"/> when every row is accounted for.</returns>
    public bool AddsUp() =>
        RowsRead == RowsLoaded + RowsRejected
        && (RowsKept is not { } kept ? LeftOut.IsEmpty : RowsLoaded == kept + LeftOut.Values.Sum());
}
