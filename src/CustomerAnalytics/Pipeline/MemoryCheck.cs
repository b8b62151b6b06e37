namespace CustomerAnalytics.Pipeline;

/// <summary>What <see cref="AnalyticsPipeline.Run"/> does with its memory estimate (<see cref="AnalyticsPipeline.EstimateMemory"/>) before reading anything.</summary>
public enum MemoryCheck
{
    /// <summary>
    /// Fail with a <see cref="MemoryLimitExceededException"/> before reading when the estimate exceeds the memory
    /// available (<see cref="PipelineOptions.MemoryLimit"/>, else what the GC may use). The default.
    /// </summary>
    Fail = 0,

    /// <summary>Run anyway; the estimate is kept in <see cref="AnalyticsRun.MemoryEstimate"/> for the host to warn with.</summary>
    Warn,

    /// <summary>Estimate nothing: no file is sampled and <see cref="AnalyticsRun.MemoryEstimate"/> is <see langword="null"/>.</summary>
    Off,
}
