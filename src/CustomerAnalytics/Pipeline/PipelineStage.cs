namespace CustomerAnalytics.Pipeline;

/// <summary>The stages of an <see cref="AnalyticsPipeline"/> run, reported in this order through an <see cref="IProgress{T}"/>.</summary>
public enum PipelineStage
{
    /// <summary>Reading the input files (customers and products load concurrently while transactions stream in).</summary>
    Loading = 0,

    /// <summary>Joining customers × products × transactions into the <see cref="Enrichment.EnrichedDataset"/>.</summary>
    Enriching = 1,

    /// <summary>Computing the KPIs and the global lists.</summary>
    Measuring = 2,

    /// <summary>Fitting the recommender and recommending for every customer.</summary>
    Recommending = 3,

    /// <summary>The run is complete.</summary>
    Done = 4,
}
