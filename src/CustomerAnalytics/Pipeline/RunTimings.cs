namespace CustomerAnalytics.Pipeline;

/// <summary>
/// How long each stage of an <see cref="AnalyticsPipeline"/> run took, in the order the stages run. Measured with the
/// monotonic clock; writing the artifacts is not part of the run (time <see cref="AnalyticsRun.WriteArtifacts(string)"/>
/// yourself, as the tool's summary does).
/// </summary>
/// <param name="Load">Reading the input files into the builder (<see cref="PipelineStage.Loading"/>); zero for <see cref="AnalyticsPipeline.Analyze"/>.</param>
/// <param name="Enrich">Joining customers × products × transactions (<see cref="PipelineStage.Enriching"/>); zero for <see cref="AnalyticsPipeline.Analyze"/>.</param>
/// <param name="KpisAndLists">The KPIs, the global lists, the time series, cohorts and RFM.</param>
/// <param name="LifetimeFits">The BTYD summary, the BG/NBD and Gamma-Gamma fits and the CLV; zero when lifetime value is not requested.</param>
/// <param name="Recommend">Fitting the recommender and recommending for every customer (<see cref="PipelineStage.Recommending"/>).</param>
public sealed record RunTimings(TimeSpan Load, TimeSpan Enrich, TimeSpan KpisAndLists, TimeSpan LifetimeFits, TimeSpan Recommend)
{
    /// <summary>The whole run: the sum of the stages.</summary>
    public TimeSpan Total => Load + Enrich + KpisAndLists + LifetimeFits + Recommend;
}
