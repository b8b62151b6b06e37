using System.Collections.Frozen;
using System.Collections.Immutable;
using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Hosting;

/// <summary>
/// Everything a host answers from, built together from one dataset and swapped as a whole by the
/// <see cref="ModelStore"/>: the dataset, its account, one fitted model per strategy and the related-products model.
/// Immutable and thread-safe; a request that reads one snapshot gets answers that agree with each other.
/// </summary>
public sealed class ModelSnapshot
{
    internal ModelSnapshot(long version, DateTimeOffset fittedAt, string source, DatasetLoad load, FrozenDictionary<string, IRecommenderModel> models, IRelatedProductsModel related)
    {
        Version = version;
        FittedAt = fittedAt;
        Source = source;
        Dataset = load.Dataset;
        Account = load.Account;
        Models = models;
        Strategies = [.. models.Keys.Order(StringComparer.Ordinal)];
        Related = related;
    }

    /// <summary>The snapshot's number: 1 for the first load, one more for each successful reload.</summary>
    public long Version { get; }

    /// <summary>When the models were fitted (UTC, from the host's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset FittedAt { get; }

    /// <summary>The <see cref="IDatasetSource.Description"/> of the source it was loaded from.</summary>
    public string Source { get; }

    /// <summary>The dataset the models were fitted on.</summary>
    public EnrichedDataset Dataset { get; }

    /// <summary>Every input row of the dataset accounted for (read, loaded, rejected, kept, left out by reason).</summary>
    public RunAccount Account { get; }

    /// <summary>One fitted model per registered <see cref="IRecommender"/>, by <see cref="IRecommender.Name"/> (ordinal).</summary>
    public IReadOnlyDictionary<string, IRecommenderModel> Models { get; }

    /// <summary>The strategy names, in ordinal order.</summary>
    public ImmutableArray<string> Strategies { get; }

    /// <summary>Answers "customers who bought X also bought": the first registered strategy whose model can (item
    /// co-occurrence by default), else an <see cref="ItemCooccurrenceRecommender"/> fitted for the purpose.</summary>
    public IRelatedProductsModel Related { get; }
}
