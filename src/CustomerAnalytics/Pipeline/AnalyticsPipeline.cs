using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
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
    public static AnalyticsRun Run(PipelineOptions options, IProgress<PipelineStage>? progress = null)
    {
        var builder = Start(options, progress);
        ImmutableArray<PipelineInput> inputs;
        if (options.OrderLinesPath is { } orderLines)
        {
            var report = Read(options, orderLines, p => OrderLinesLoader.LoadInto(builder, p, options.Load), s => OrderLinesLoader.LoadInto(builder, s, orderLines, DataFormat.Auto, options.Load));
            inputs = [Input("order_lines", orderLines, report)];
        }
        else
        {
            var dimensions = Task.Run(() => (
                Customers: Read(options, options.CustomersPath!, p => CustomerLoader.Load(p, options.Load), s => CustomerLoader.Load(s, options.CustomersPath!, DataFormat.Auto, options.Load)),
                Products: Read(options, options.ProductsPath!, p => ProductLoader.Load(p, options.Load), s => ProductLoader.Load(s, options.ProductsPath!, DataFormat.Auto, options.Load))));
            LoadReport transactions;
            try
            {
                transactions = Read(
                    options,
                    options.TransactionsPath!,
                    p => TransactionLoader.LoadInto(builder, p, options.Load),
                    s => TransactionLoader.LoadInto(builder, s, options.TransactionsPath!, DataFormat.Auto, options.Load));
            }
            catch
            {
                // The transactions' error wins; the dimension loads are still observed so none goes unobserved.
                _ = dimensions.ContinueWith(t => t.Exception, TaskScheduler.Default);
                throw;
            }

            var (customers, products) = dimensions.GetAwaiter().GetResult();
            inputs = AddDimensions(builder, options, customers, products, transactions);
        }

        return Finish(builder, options, inputs, progress);
    }

    /// <summary>Runs the pipeline on files, asynchronously.</summary>
    /// <param name="options">The inputs and options.</param>
    /// <param name="progress">Told each stage as it starts; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run (checked while reading and between stages).</param>
    /// <returns>The run's results.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    /// <exception cref="DataLoadException">In strict mode, an input has bad rows or a transaction names an unknown customer or product; or an input cannot be read.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static async Task<AnalyticsRun> RunAsync(PipelineOptions options, IProgress<PipelineStage>? progress = null, CancellationToken cancellationToken = default)
    {
        var builder = Start(options, progress);
        ImmutableArray<PipelineInput> inputs;
        if (options.OrderLinesPath is { } orderLines)
        {
            var report = await ReadAsync(
                options,
                orderLines,
                p => OrderLinesLoader.LoadIntoAsync(builder, p, options.Load, cancellationToken),
                s => OrderLinesLoader.LoadIntoAsync(builder, s, orderLines, DataFormat.Auto, options.Load, cancellationToken)).ConfigureAwait(false);
            inputs = [Input("order_lines", orderLines, report)];
        }
        else
        {
            var customers = ReadAsync(
                options,
                options.CustomersPath!,
                p => CustomerLoader.LoadAsync(p, options.Load, cancellationToken),
                s => CustomerLoader.LoadAsync(s, options.CustomersPath!, DataFormat.Auto, options.Load, cancellationToken));
            var products = ReadAsync(
                options,
                options.ProductsPath!,
                p => ProductLoader.LoadAsync(p, options.Load, cancellationToken),
                s => ProductLoader.LoadAsync(s, options.ProductsPath!, DataFormat.Auto, options.Load, cancellationToken));
            var transactions = ReadAsync(
                options,
                options.TransactionsPath!,
                p => TransactionLoader.LoadIntoAsync(builder, p, options.Load, cancellationToken),
                s => TransactionLoader.LoadIntoAsync(builder, s, options.TransactionsPath!, DataFormat.Auto, options.Load, cancellationToken));
            await Task.WhenAll(customers, products, transactions).ConfigureAwait(false);
            inputs = AddDimensions(builder, options, await customers.ConfigureAwait(false), await products.ConfigureAwait(false), await transactions.ConfigureAwait(false));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return await Task.Run(() => Finish(builder, options, inputs, progress), cancellationToken).ConfigureAwait(false);
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
        return AnalyzeCore(dataset, options, [], progress: null);
    }

    /// <summary>Reads a file by path, or through <see cref="PipelineOptions.OpenRead"/> when the host gave one.</summary>
    private static T Read<T>(PipelineOptions options, string path, Func<string, T> fromPath, Func<Stream, T> fromStream)
    {
        if (options.OpenRead is not { } open)
        {
            return fromPath(path);
        }

        using var stream = Open(open, path);
        return fromStream(stream);
    }

    /// <summary>The asynchronous twin of <see cref="Read{T}"/>.</summary>
    private static async Task<T> ReadAsync<T>(PipelineOptions options, string path, Func<string, Task<T>> fromPath, Func<Stream, Task<T>> fromStream)
    {
        if (options.OpenRead is not { } open)
        {
            return await fromPath(path).ConfigureAwait(false);
        }

        var stream = Open(open, path);
        await using (stream.ConfigureAwait(false))
        {
            return await fromStream(stream).ConfigureAwait(false);
        }
    }

    private static Stream Open(Func<string, Stream> open, string path) =>
        open(path) ?? throw new InvalidOperationException($"PipelineOptions.OpenRead returned null for '{path}'.");

    private static EnrichedDatasetBuilder Start(PipelineOptions options, IProgress<PipelineStage>? progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        progress?.Report(PipelineStage.Loading);
        // The join follows the load mode: in strict mode an unknown customer or product (policy Reject) is an error.
        var strict = options.Enrichment.StrictReferences || options.Load.Mode == LoadMode.Strict;
        return new EnrichedDatasetBuilder(options.Enrichment with { StrictReferences = strict });
    }

    private static ImmutableArray<PipelineInput> AddDimensions(
        EnrichedDatasetBuilder builder,
        PipelineOptions options,
        LoadResult<Customer> customers,
        LoadResult<Product> products,
        LoadReport transactions)
    {
        builder.AddCustomers(customers.Rows).AddProducts(products.Rows);
        return
        [
            Input("customers", options.CustomersPath!, customers.Report),
            Input("products", options.ProductsPath!, products.Report),
            Input("transactions", options.TransactionsPath!, transactions),
        ];
    }

    private static PipelineInput Input(string role, string path, LoadReport report) =>
        new(role, path, File.Exists(path) ? new FileInfo(path).Length : 0, report);

    private static AnalyticsRun Finish(EnrichedDatasetBuilder builder, PipelineOptions options, ImmutableArray<PipelineInput> inputs, IProgress<PipelineStage>? progress)
    {
        progress?.Report(PipelineStage.Enriching);
        var dataset = builder.Build();
        return AnalyzeCore(dataset, options, inputs, progress);
    }

    private static AnalyticsRun AnalyzeCore(EnrichedDataset dataset, PipelineOptions options, ImmutableArray<PipelineInput> inputs, IProgress<PipelineStage>? progress)
    {
        progress?.Report(PipelineStage.Measuring);
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
        var (clv, clvNote, calibration) = LifetimeValue(dataset, options);

        progress?.Report(PipelineStage.Recommending);
        var recommender = options.Recommender ?? new SegmentAffinityRecommender();
        var model = recommender.Fit(dataset);
        var recommendations = model.RecommendAll(options.Recommendations);

        progress?.Report(PipelineStage.Done);
        return new AnalyticsRun(options, inputs, dataset, overall, bySegment, byCategory, topProducts, global, model, recommendations, customers, clv, clvNote) { CalibrationHoldout = calibration };
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
