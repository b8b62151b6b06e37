namespace CustomerAnalytics.Enrichment;

/// <summary>What the builder does with a transaction whose id was seen before.</summary>
public enum DuplicateTransactionPolicy
{
    /// <summary>Keep every line (each adds to revenue) and list the repeats in the <see cref="EnrichmentReport"/>. The default.</summary>
    KeepAll = 0,

    /// <summary>Keep the first line with an id, leave the repeats out and list them in the <see cref="EnrichmentReport"/>.</summary>
    KeepFirst = 1,
}
