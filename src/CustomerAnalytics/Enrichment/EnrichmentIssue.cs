namespace CustomerAnalytics.Enrichment;

/// <summary>One oddity found while building a dataset.</summary>
/// <param name="Kind">What kind of oddity it is.</param>
/// <param name="Rejected">Whether the transaction (or record) was left out of the dataset.</param>
/// <param name="TransactionId">The transaction concerned, when the issue is about a transaction.</param>
/// <param name="CustomerId">The customer concerned, when known.</param>
/// <param name="ProductId">The product concerned, when known.</param>
/// <param name="Detail">A sentence describing the issue.</param>
public sealed record EnrichmentIssue(
    EnrichmentIssueKind Kind,
    bool Rejected,
    string? TransactionId,
    string? CustomerId,
    string? ProductId,
    string Detail)
{
    /// <summary>The file (or source name) the transaction was loaded from; <see langword="null"/> when it was added as an object.</summary>
    public string? Source { get; init; }

    /// <summary>The 1-based line of the transaction's row in <see cref="Source"/>; 0 when not read from a source.</summary>
    public long Line { get; init; }
}
