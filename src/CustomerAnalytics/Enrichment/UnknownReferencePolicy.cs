namespace CustomerAnalytics.Enrichment;

/// <summary>What the builder does with a transaction whose customer or product is not in the dimension table.</summary>
public enum UnknownReferencePolicy
{
    /// <summary>Leave the transaction out of the dataset and list it in the <see cref="EnrichmentReport"/>. The default.</summary>
    Reject = 0,

    /// <summary>
    /// Keep the transaction under a customer (or product) created for the unknown id, in the segment (or category)
    /// <see cref="EnrichmentOptions.UnknownLabel"/>, and list it in the <see cref="EnrichmentReport"/>.
    /// </summary>
    KeepAsUnknown = 1,
}
