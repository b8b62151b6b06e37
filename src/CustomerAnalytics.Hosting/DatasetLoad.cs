using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Hosting;

/// <summary>A loaded dataset and the account of the rows it was built from.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Account">Read, loaded, rejected, kept and left out, per input.</param>
public sealed record DatasetLoad(EnrichedDataset Dataset, RunAccount Account);
