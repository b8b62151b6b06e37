using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Pipeline;

/// <summary>
/// What <see cref="AnalyticsPipeline"/> reads and computes. Give either the three files
/// (<see cref="CustomersPath"/>, <see cref="ProductsPath"/>, <see cref="TransactionsPath"/>) or one flat
/// <see cref="OrderLinesPath"/>. Immutable: derive variants with <c>with</c>.
/// </summary>
/// <example>
/// <code>
/// var run = AnalyticsPipeline.Run(new PipelineOptions
/// {
///     CustomersPath = "data/customers.csv",
///     ProductsPath = "data/products.csv",
///     TransactionsPath = "data/transactions.csv",
/// });
/// run.WriteArtifacts("output");
/// </code>
/// </example>
public sealed record PipelineOptions
{
    /// <summary>The customers file (CSV, JSON or JSON Lines, optionally gzip-compressed).</summary>
    public string? CustomersPath { get; init; }

    /// <summary>The products file.</summary>
    public string? ProductsPath { get; init; }

    /// <summary>The transactions file.</summary>
    public string? TransactionsPath { get; init; }

    /// <summary>
    /// A flat order-lines file carrying customer and product attributes on every line (Online Retail's shape);
    /// used instead of the three files. Its columns come from <see cref="LoadOptions.TransactionColumns"/>.
    /// </summary>
    public string? OrderLinesPath { get; init; }

    /// <summary>
    /// Opens an input file for reading; <see langword="null"/> reads the file system. A host can wrap the stream to
    /// count bytes for a progress bar, or read from other storage. The pipeline disposes the stream; the loaders still
    /// take the format (and <c>.gz</c>) from the path's name, and diagnostics name the path.
    /// </summary>
    public Func<string, Stream>? OpenRead { get; init; }

    /// <summary>How files are read: mode (strict or lenient), separator, time zone, column names.</summary>
    /// <value>Defaults to <see cref="LoadOptions.Default"/> (strict).</value>
    public LoadOptions Load { get; init; } = LoadOptions.Default;

    /// <summary>How the join treats unknown references and duplicates.</summary>
    /// <value>
    /// Defaults to <see cref="EnrichmentOptions.Default"/>. The join follows <see cref="Load"/>'s mode: in
    /// <see cref="LoadMode.Strict"/> the run sets <see cref="EnrichmentOptions.StrictReferences"/>, so an unknown customer or
    /// product under <see cref="UnknownReferencePolicy.Reject"/> fails the run; set
    /// <see cref="EnrichmentOptions.UnknownCustomers"/> (or <see cref="EnrichmentOptions.UnknownProducts"/>) to
    /// <see cref="UnknownReferencePolicy.KeepAsUnknown"/> to keep such lines, or load leniently to leave them out and report them.
    /// </value>
    public EnrichmentOptions Enrichment { get; init; } = EnrichmentOptions.Default;

    /// <summary>How many products <see cref="AnalyticsRun.TopProducts"/> (and <c>top_products.csv</c>) holds.</summary>
    /// <value>Defaults to 10.</value>
    public int TopProductsCount { get; init; } = 10;

    /// <summary>How many items the demo's global lists (top products, top categories) hold.</summary>
    /// <value>Defaults to 5, as in the original demo.</value>
    public int GlobalListSize { get; init; } = 5;

    /// <summary>
    /// Whether <see cref="AnalyticsRun.WriteArtifacts(string)"/> writes <c>events_enriched.csv</c> (one row per
    /// transaction, the largest file); <see langword="false"/> leaves it out for users who only want the KPIs, and the
    /// manifest's <c>events_enriched</c> option says <c>skipped</c>.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool IncludeEnrichedEvents { get; init; } = true;

    /// <summary>The strategy that recommends for every customer; <see langword="null"/> for a <see cref="SegmentAffinityRecommender"/>.</summary>
    public IRecommender? Recommender { get; init; }

    /// <summary>The request applied to every customer (count, exclusion of purchased items, filters).</summary>
    /// <value>Defaults to 5 items, excluding what the customer bought.</value>
    public RecommendationRequest Recommendations { get; init; } = RecommendationRequest.Default with { Count = 5 };

    /// <summary>The periods and time zone of <see cref="AnalyticsRun.Periods"/> (<c>kpi_by_period.csv</c>); the cohorts use the same time zone.</summary>
    /// <value>Defaults to calendar months in UTC.</value>
    public TimeSeriesOptions TimeSeries { get; init; } = TimeSeriesOptions.Default;

    /// <summary>The analysis date and time zone of <see cref="AnalyticsRun.Rfm"/>.</summary>
    /// <value>Defaults to the day after the last order, UTC.</value>
    public RfmOptions Rfm { get; init; } = RfmOptions.Default;

    /// <summary>The customer summary the lifetime-value models are fitted on (time unit, calibration end).</summary>
    /// <value>Defaults to weeks, every transaction in calibration.</value>
    public BtydSummaryOptions LifetimeSummary { get; init; } = BtydSummaryOptions.Default;

    /// <summary>The horizon and discount of <see cref="AnalyticsRun.Clv"/>; <see langword="null"/> skips the lifetime-value models.</summary>
    /// <value>Defaults to <see cref="ClvOptions.Default"/>.</value>
    public ClvOptions? LifetimeValue { get; init; } = ClvOptions.Default;

    /// <summary>How the BG/NBD and Gamma-Gamma models of <see cref="AnalyticsRun.Clv"/> are fitted (tolerance, iterations, L2 penalizer).</summary>
    /// <value>Defaults to <see cref="LifetimeFitOptions.Default"/>: no penalizer.</value>
    public LifetimeFitOptions LifetimeFit { get; init; } = LifetimeFitOptions.Default;

    /// <summary>
    /// What the run does with its memory estimate (<see cref="AnalyticsPipeline.EstimateMemory"/>), made from the
    /// inputs' sizes before anything is read: fail early with a <see cref="MemoryLimitExceededException"/> when it
    /// exceeds <see cref="MemoryLimit"/>, only keep it in <see cref="AnalyticsRun.MemoryEstimate"/>, or skip it.
    /// </summary>
    /// <value>Defaults to <see cref="MemoryCheck.Fail"/>.</value>
    public MemoryCheck MemoryCheck { get; init; } = MemoryCheck.Fail;

    /// <summary>
    /// The memory the run may use, in bytes, that <see cref="MemoryCheck"/> compares the estimate with;
    /// <see langword="null"/> for what the GC may use (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>: the
    /// machine's memory, a container's limit or <c>GCHeapHardLimit</c>).
    /// </summary>
    public long? MemoryLimit { get; init; }

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        var threeFiles = CustomersPath is not null || ProductsPath is not null || TransactionsPath is not null;
        if (OrderLinesPath is not null && threeFiles)
        {
            errors.Add($"Give either {nameof(OrderLinesPath)} or the three files, not both.");
        }
        else if (OrderLinesPath is null && (CustomersPath is null || ProductsPath is null || TransactionsPath is null))
        {
            errors.Add($"Give {nameof(CustomersPath)}, {nameof(ProductsPath)} and {nameof(TransactionsPath)}, or {nameof(OrderLinesPath)}.");
        }

        if (TopProductsCount < 1)
        {
            errors.Add($"{nameof(TopProductsCount)} must be at least 1 (was {TopProductsCount}).");
        }

        if (GlobalListSize < 1)
        {
            errors.Add($"{nameof(GlobalListSize)} must be at least 1 (was {GlobalListSize}).");
        }

        if (!Enum.IsDefined(MemoryCheck))
        {
            errors.Add($"{nameof(MemoryCheck)} must be Fail, Warn or Off (was {(int)MemoryCheck}).");
        }

        if (MemoryLimit is <= 0)
        {
            errors.Add($"{nameof(MemoryLimit)} must be a positive number of bytes, or null for the memory the GC may use (was {MemoryLimit}).");
        }

        if (Load is null || Enrichment is null || Recommendations is null || TimeSeries is null || Rfm is null || LifetimeSummary is null)
        {
            errors.Add($"{nameof(Load)}, {nameof(Enrichment)}, {nameof(Recommendations)}, {nameof(TimeSeries)}, {nameof(Rfm)} and {nameof(LifetimeSummary)} must not be null.");
        }
        else
        {
            Collect(errors, Load.Validate);
            Collect(errors, Enrichment.Validate);
            Collect(errors, Recommendations.Validate);
            Collect(errors, TimeSeries.Validate);
            Collect(errors, Rfm.Validate);
            Collect(errors, LifetimeSummary.Validate);
            if (LifetimeValue is not null)
            {
                Collect(errors, LifetimeValue.Validate);
            }
        }

        if (LifetimeFit is null)
        {
            errors.Add($"{nameof(LifetimeFit)} must not be null.");
        }
        else
        {
            Collect(errors, LifetimeFit.Validate);
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid PipelineOptions: " + string.Join(" ", errors));
        }
    }

    private static void Collect(List<string> errors, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException e)
        {
            errors.Add(e.Message);
        }
    }
}
