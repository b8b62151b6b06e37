using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Artifacts;

/// <summary>
/// Every input row of a run accounted for: per input, rows read = loaded + rejected by the loader; for the transactions,
/// loaded = kept + left out by the join, by reason; and how many of the rejected or left-out rows
/// <c>rejected_rows.csv</c> lists, under which limits. Written to <c>manifest.json</c> as <c>account</c>.
/// </summary>
/// <param name="Inputs">The inputs, in the order read; empty when the dataset was built by the host.</param>
/// <param name="TransactionsJoined">Transactions that reached the join (the dataset builder).</param>
/// <param name="TransactionsKept">Transactions kept in the dataset.</param>
/// <param name="LeftOut">Transactions the join left out, by reason (see <see cref="InputAccount.LeftOut"/>), each once.</param>
/// <param name="RowsToList">Rows rejected by a loader or left out by the join, over all inputs.</param>
/// <param name="RowsListed">
/// Entries of <c>rejected_rows.csv</c> (a row with several problems has one entry per problem); fewer than
/// <paramref name="RowsToList"/> when a limit cut the list.
/// </param>
/// <param name="ListLimits">The limits of the list, as the options name them.</param>
public sealed record RunAccount(
    ImmutableArray<InputAccount> Inputs,
    long TransactionsJoined,
    long TransactionsKept,
    ImmutableSortedDictionary<string, long> LeftOut,
    long RowsToList,
    long RowsListed,
    string ListLimits)
{
    /// <summary>The account of a run from its inputs' accounts and the join's report.</summary>
    /// <param name="inputs">The inputs' accounts (see <see cref="InputAccount.Of"/>).</param>
    /// <param name="join">The join's report (<see cref="EnrichedDataset.Report"/>).</param>
    /// <param name="rowsListed">How many entries list the rejected and left-out rows.</param>
    /// <param name="listLimits">The limits of that list, as the options name them.</param>
    /// <returns>The account.</returns>
    public static RunAccount Of(ImmutableArray<InputAccount> inputs, EnrichmentReport join, long rowsListed, string listLimits)
    {
        ArgumentNullException.ThrowIfNull(join);
        return new RunAccount(
            inputs,
            join.TransactionsRead,
            join.TransactionsKept,
            InputAccount.LeftOutOf(join),
            inputs.Sum(i => i.RowsRejected) + join.TransactionsRejected,
            rowsListed,
            listLimits);
    }

    /// <summary>The limits of the listed rows, as <see cref="ListLimits"/> states them.</summary>
    /// <param name="load">The load options.</param>
    /// <param name="enrichment">The join's options.</param>
    /// <returns>The sentence.</returns>
    public static string LimitsOf(LoadOptions load, EnrichmentOptions enrichment)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(enrichment);
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"LoadOptions.MaxReportedProblems = {load.MaxReportedProblems} per input; EnrichmentOptions.MaxListedIssuesPerKind = {enrichment.MaxListedIssuesPerKind} per reason");
    }

    /// <summary>Whether every row is accounted for: each input adds up, and joined = kept + left out.</summary>
    /// <returns><see langword="true"/> when the account adds up.</returns>
    public bool AddsUp() =>
        Inputs.All(i => i.AddsUp()) && TransactionsJoined == TransactionsKept + LeftOut.Values.Sum();
}
