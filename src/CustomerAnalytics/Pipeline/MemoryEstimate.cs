using System.Collections.Immutable;

namespace CustomerAnalytics.Pipeline;

/// <summary>
/// What a run's peak memory (process working set) is expected to be, computed from the inputs' sizes before anything
/// is read (<see cref="AnalyticsPipeline.EstimateMemory"/>), and the memory it is compared with. The model and its
/// measured accuracy are in <c>docs/memory.md</c>.
/// </summary>
/// <param name="Parts">One part per input file, in the order of the options.</param>
/// <param name="RuntimeBytes">The fixed cost of the process: runtime, JIT, buffers and the run's small results.</param>
/// <param name="AvailableBytes">
/// The memory the run may use: <see cref="PipelineOptions.MemoryLimit"/>, else
/// <see cref="GC.GetGCMemoryInfo()"/>'s <see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/> (physical memory, a
/// container's limit or the GC's hard limit); 0 when neither is known.
/// </param>
/// <param name="LimitFromOptions">Whether <see cref="AvailableBytes"/> came from <see cref="PipelineOptions.MemoryLimit"/>.</param>
public sealed record MemoryEstimate(ImmutableArray<MemoryEstimatePart> Parts, long RuntimeBytes, long AvailableBytes, bool LimitFromOptions)
{
    /// <summary>The estimated peak: <see cref="RuntimeBytes"/> plus every part's <see cref="MemoryEstimatePart.Bytes"/>.</summary>
    public long TotalBytes => RuntimeBytes + Parts.Sum(p => p.Bytes);

    /// <summary>Whether the estimate is within <see cref="AvailableBytes"/> (always when the memory available is unknown).</summary>
    public bool Fits => AvailableBytes <= 0 || TotalBytes <= AvailableBytes;

    /// <summary>The part that costs the most; <see langword="null"/> when there are no parts.</summary>
    public MemoryEstimatePart? Dominant => Parts.IsDefaultOrEmpty ? null : Parts.MaxBy(p => p.Bytes);
}
