using System.Collections.Immutable;
using System.Diagnostics;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Internal;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Pipeline;

/// <summary>
/// The whole job in one call: load → enrich → KPIs → global lists → recommendations for every customer. The result, an
/// <see cref="AnalyticsRun"/>, holds every figure and writes the artifacts.
/// </summary>
/// <remarks>
/// Customers and products load on a second thread while transactions stream into the
/// <see cref="EnrichedDatasetBuilder"/>, so no transaction exists as an object. In strict mode (the default) the first
/// file with a bad row stops the run with a <see cref="DataLoadException"/> that lists its problems, and so does the
/// join when a transaction names an unknown customer or product whose policy is
/// <see cref="UnknownReferencePolicy.Reject"/> (file and line of each); in lenient mode bad rows are kept out, the join
/// applies <see cref="EnrichmentOptions.UnknownCustomers"/> and <see cref="EnrichmentOptions.UnknownProducts"/>, and
/// everything left out is counted in <see cref="AnalyticsRun.Account"/> and written to <c>rejected_rows.csv</c>.
/// </remarks>
public static class AnalyticsPipeline
{
    /// <summary>Runs the pipeline on files.</summary>
    /// <param name="options">The inputs and options.</param>
    /// <param name="progress">Told each stage as it starts; <see langword="null"/> for none.</param>
    /// <returns>The run's results.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    /// <exception cref="DataLoadException">In strict mode, an input has bad rows or a transaction names an unknown customer or product; or an input cannot be read.</exception>
    /// <exception cref="MemoryLimitExceededException">With <see cref="MemoryCheck.Fail"/>, the memory estimate exceeds the memory available (thrown before reading).</exception>
    public static AnalyticsRun Run(PipelineOptions options, IProgress<PipelineStage>? progress = null) =>
        SyncPath.Result(RunCore(options, progress, useAsync: false, CancellationToken.None));

    /// <summary>Runs the pipeline on files, asynchronously.</summary>
    /// <param name="options">The inputs and options.</param>
    /// <param name="progress">Told each stage as it starts; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run (checked while reading and between stages).</param>
    /// <returns>The run's results.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    /// <exception cref="DataLoadException">In strict mode, an input has bad rows or a transaction names an unknown customer or product; or an input cannot be read.</exception>
    /// <exception cref="MemoryLimitExceededException">With <see cref="MemoryCheck.Fail"/>, the memory estimate exceeds the memory available (thrown before reading).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static Task<AnalyticsRun> RunAsync(PipelineOptions options, IProgress<PipelineStage>? progress = null, CancellationToken cancellationToken = default) =>
        RunCore(options, progress, useAsync: true, cancellationToken).AsTask();

    /// <summary>
    /// Estimates the run's peak memory from its inputs' sizes (file lengths, the gzip trailer, the rows of each file's
    /// first MiB) without reading them, and the memory available to compare it with. <see cref="Run"/> does the same
    /// first, by <see cref="PipelineOptions.MemoryCheck"/>; a host can call this to check (or show) it earlier.
    /// </summary>
    /// <param name="options">The inputs and options.</param>
    /// <returns>The estimate, one part per input file.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public static MemoryEstimate EstimateMemory(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return MemoryEstimator.Estimate(options);
    }

    /// <summary>
    /// Runs the analysis stages (KPIs, global lists, recommendations) on a dataset the host built itself, for example
    /// from an <see cref="IEnumerable{T}"/> it already had. The options' file paths are ignored.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="options">The analysis options; <see langword="null"/> for the defaults.</param>
    /// <returns>The run's results, with no <see cref="AnalyticsRun.Inputs"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public static AnalyticsRun Analyze(EnrichedDataset dataset, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= new PipelineOptions();
        (options with { CustomersPath = "-", ProductsPath = "-", TransactionsPath = "-", OrderLinesPath = null }).Validate();
        return AnalyzeCore(dataset, options, [], progress: null, (TimeSpan.Zero, TimeSpan.Zero), memory: null);
    }

    /// <summary>
    /// The one body of <see cref="Run"/> and <see cref="RunAsync"/>: load (<see cref="PipelineReader"/>), enrich,
    /// analyse. With <paramref name="useAsync"/> off it runs on the caller's thread and returns a completed task.
    /// </summary>
    private static async ValueTask<AnalyticsRun> RunCore(PipelineOptions options, IProgress<PipelineStage>? progress, bool useAsync, CancellationToken cancellationToken)
    {
        var builder = Start(options, progress, out var memory);
        var started = Stopwatch.GetTimestamp();
        var inputs = await new PipelineReader(options, builder, useAsync, cancellationToken).ReadAll().ConfigureAwait(false);
        var load = Stopwatch.GetElapsedTime(started);
        cancellationToken.ThrowIfCancellationRequested();
        return useAsync
            ? await Task.Run(() => Finish(builder, options, inputs, progress, load, memory), cancellationToken).ConfigureAwait(false)
            : Finish(builder, options, inputs, progress, load, memory);
    }

    /// <summary>Validates the options and checks the memory estimate (<see cref="PipelineOptions.MemoryCheck"/>) before anything is read.</summary>
    private static EnrichedDatasetBuilder Start(PipelineOptions options, IProgress<PipelineStage>? progress, out MemoryEstimate? memory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        memory = options.MemoryCheck == MemoryCheck.Off ? null : MemoryEstimator.Estimate(options);
        if (memory is { Fits: false } && options.MemoryCheck == MemoryCheck.Fail)
        {
            throw new MemoryLimitExceededException(memory);
        }

        progress?.Report(PipelineStage.Loading);
        // The join follows the load mode: in strict mode an unknown customer or product (policy Reject) is an error.
        var strict = options.Enrichment.StrictReferences || options.Load.Mode == LoadMode.Strict;
        return new EnrichedDatasetBuilder(options.Enrichment with { StrictReferences = strict });
    }

    private static AnalyticsRun Finish(EnrichedDatasetBuilder builder, PipelineOptions options, ImmutableArray<PipelineInput> inputs, IProgress<PipelineStage>? progress, TimeSpan load, MemoryEstimate? memory)
    {
        progress?.Report(PipelineStage.Enriching);
        var started = Stopwatch.GetTimestamp();
        var dataset = builder.Build();
        return AnalyzeCore(dataset, options, inputs, progress, (load, Stopwatch.GetElapsedTime(started)), memory);
    }

    private static AnalyticsRun AnalyzeCore(EnrichedDataset dataset, PipelineOptions options, ImmutableArray<PipelineInput> inputs, IProgress<PipelineStage>? progress, (TimeSpan Load, TimeSpan Enrich) reading, MemoryEstimate? memory)
    {
        progress?.Report(PipelineStage.Measuring);
        var started = Stopwatch.GetTimestamp();
        var overall = KpiCalculator.Overall(dataset);
        var bySegment = KpiCalculator.BySegment(dataset);
        var byCategory = KpiCalculator.ByCategory(dataset);
        var topProducts = KpiCalculator.TopProducts(dataset, options.TopProductsCount);
        var global = GlobalRecommendations.Compute(dataset, options.GlobalListSize);
        // Every customer KPI and the lifetime summary read the dataset's order facts, built once on first use.
        var customers = new CustomerAnalyses(
            CustomerKpiCalculator.ByPeriod(dataset, options.TimeSeries),
            CustomerKpiCalculator.Purchases(dataset),
            CustomerKpiCalculator.Cohorts(dataset, options.TimeSeries.TimeZone),
            RfmCalculator.Compute(dataset, options.Rfm));
        var kpis = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        var (clv, clvNote, calibration) = LifetimeValue(dataset, options);
        var fits = options.LifetimeValue is null ? TimeSpan.Zero : Stopwatch.GetElapsedTime(started);

        progress?.Report(PipelineStage.Recommending);
        started = Stopwatch.GetTimestamp();
        var recommender = options.Recommender ?? new SegmentAffinityRecommender();
        var model = recommender.Fit(dataset);
        var recommendations = model.RecommendAll(options.Recommendations);
        var recommend = Stopwatch.GetElapsedTime(started);

        progress?.Report(PipelineStage.Done);
        return new AnalyticsRun(options, inputs, dataset, overall, bySegment, byCategory, topProducts, global, model, recommendations, customers, clv, clvNote)
        {
            CalibrationHoldout = calibration,
            Timings = new RunTimings(reading.Load, reading.Enrich, kpis, fits, recommend),
            MemoryEstimate = memory,
        };
    }

    /// <summary>
    /// Fits BG/NBD and Gamma-Gamma and computes the CLV; when the data cannot support a fit (no customers, no repeat
    /// buyer with positive spend, no convergence) the run goes on without CLV and says why. With a holdout period and a
    /// BG/NBD fit it also compares actual and predicted holdout purchases.
    /// </summary>
    private static (ClvResult? Clv, string? Note, ImmutableArray<CalibrationHoldoutRow> Calibration) LifetimeValue(EnrichedDataset dataset, PipelineOptions options)
    {
        if (options.LifetimeValue is not { } clvOptions)
        {
            return (null, "Lifetime value was not requested (PipelineOptions.LifetimeValue is null).", []);
        }

        if (dataset.TransactionCount == 0)
        {
            return (null, "Lifetime value needs transactions; the dataset has none.", []);
        }

        try
        {
            var summary = BtydSummary.Create(dataset, options.LifetimeSummary);
            var purchases = BgNbdModel.TryFit(summary, options.LifetimeFit);
            if (!purchases.Converged)
            {
                return (null, NotComputed(purchases.Reason), []);
            }

            ImmutableArray<CalibrationHoldoutRow> calibration = summary.DurationHoldout > 0
                ? CalibrationHoldoutCalculator.Compute(summary, purchases.Model)
                : [];

            var spend = GammaGammaModel.TryFit(summary, options.LifetimeFit);
            if (!spend.Converged)
            {
                return (null, NotComputed(spend.Reason), calibration);
            }

            return (ClvCalculator.Compute(summary, purchases.Model, spend.Model, clvOptions), null, calibration);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return (null, NotComputed(e.Message), []);
        }
    }

    /// <summary>"Lifetime value was not computed: " and the reason, as one sentence.</summary>
    private static string NotComputed(string? reason) =>
        "Lifetime value was not computed: " + (reason is { Length: > 1 } && char.IsUpper(reason[0]) && char.IsLower(reason[1])
            ? char.ToLowerInvariant(reason[0]) + reason[1..]
            : reason);
}
