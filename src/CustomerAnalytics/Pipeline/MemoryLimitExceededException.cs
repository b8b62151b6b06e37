using System.Globalization;

namespace CustomerAnalytics.Pipeline;

/// <summary>
/// Thrown by <see cref="AnalyticsPipeline.Run"/> before it reads anything when <see cref="PipelineOptions.MemoryCheck"/>
/// is <see cref="MemoryCheck.Fail"/> and the run's <see cref="MemoryEstimate"/> exceeds the memory available. The
/// message says the estimate, the limit, which input dominates and what helps.
/// </summary>
public sealed class MemoryLimitExceededException : Exception
{
    /// <summary>Creates the exception for an estimate that does not fit.</summary>
    /// <param name="estimate">The estimate.</param>
    public MemoryLimitExceededException(MemoryEstimate estimate)
        : base(Describe(
            estimate,
            "PipelineOptions.MemoryLimit",
            "What helps: a machine with more memory; PipelineOptions.MemoryLimit if the process may use more than was detected; "
                + "PipelineOptions.MemoryCheck = MemoryCheck.Warn (or Off) to run anyway; or the SQL engine for the KPIs alone (customer-analytics kpis --engine duckdb), which does not hold the rows in memory."))
    {
        Estimate = estimate;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public MemoryLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MemoryLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public MemoryLimitExceededException()
        : this("The run would need more memory than is available.")
    {
    }

    /// <summary>The estimate that did not fit; <see langword="null"/> when the exception was made from a message only.</summary>
    public MemoryEstimate? Estimate { get; }

    /// <summary>
    /// The estimate, the limit and the dominant input, then <paramref name="help"/>: shared by the library's message
    /// and the tool's, which name the limit's option (<paramref name="limitName"/>) and what helps in their own words.
    /// </summary>
    internal static string Describe(MemoryEstimate estimate, string limitName, string help)
    {
        var limit = estimate.LimitFromOptions
            ? $"the {limitName} of {Size(estimate.AvailableBytes)}"
            : Size(estimate.AvailableBytes) + " available (the machine's memory or the container's limit, as the GC sees it)";
        return $"The run would need about {Size(estimate.TotalBytes)} of memory at its peak, more than {limit}; nothing was read. " + Dominant(estimate) + help;
    }

    /// <summary>A size in binary units with one decimal: <c>512.0 MiB</c>, <c>12.3 GiB</c>.</summary>
    internal static string Size(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB");

    private static string Dominant(MemoryEstimate estimate) => estimate.Dominant is not { } part
        ? string.Empty
        : string.Create(
            CultureInfo.InvariantCulture,
            $"The {part.Role} file {part.Path} dominates: {Size(part.Bytes)} for about {part.Rows:#,0} rows ({Size(part.ContentBytes)} of data, {part.BytesPerRow} bytes a row in memory). ");
}
