using System.Collections.Immutable;

namespace CustomerAnalytics.Enrichment;

/// <summary>What happened while a dataset was built: what was read, kept and rejected, and every oddity by kind.</summary>
public sealed record EnrichmentReport
{
    /// <summary>Transactions added to the builder.</summary>
    public required int TransactionsRead { get; init; }

    /// <summary>Transactions kept in the dataset.</summary>
    public required int TransactionsKept { get; init; }

    /// <summary>Transactions left out of the dataset (<see cref="TransactionsRead"/> − <see cref="TransactionsKept"/>).</summary>
    public int TransactionsRejected => TransactionsRead - TransactionsKept;

    /// <summary>How many issues of each kind were found (kinds with none are absent).</summary>
    public required ImmutableSortedDictionary<EnrichmentIssueKind, int> Counts { get; init; }

    /// <summary>
    /// The transactions left out, by reason: each counted once, under the first reason found (unknown customer, unknown
    /// product, repeated id, missing price, money out of range), so the counts add up to <see cref="TransactionsRejected"/>.
    /// </summary>
    public ImmutableSortedDictionary<EnrichmentIssueKind, int> LeftOut { get; init; } = ImmutableSortedDictionary<EnrichmentIssueKind, int>.Empty;

    /// <summary>The issues, up to <see cref="EnrichmentOptions.MaxListedIssuesPerKind"/> of each kind, in the order found.</summary>
    public required ImmutableArray<EnrichmentIssue> Issues { get; init; }

    /// <summary>How many issues of a kind were found.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The count; 0 when there were none.</returns>
    public int Count(EnrichmentIssueKind kind) => Counts.GetValueOrDefault(kind);
}
