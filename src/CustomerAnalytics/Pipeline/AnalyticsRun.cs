using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Pipeline;

/// <summary>
/// The results of one <see cref="AnalyticsPipeline"/> run: the dataset, what each loader made of its file, the KPIs, the
/// demo's global lists and the recommendations for every customer. Immutable; <see cref="WriteArtifacts(string)"/> writes the
/// documented files (<c>docs/artifacts.md</c>).
/// </summary>
public sealed class AnalyticsRun
{
    internal AnalyticsRun(
        PipelineOptions options,
        ImmutableArray<PipelineInput> inputs,
        EnrichedDataset dataset,
        OverallKpis overall,
        ImmutableArray<GroupKpi> bySegment,
        ImmutableArray<GroupKpi> byCategory,
        ImmutableArray<ProductKpi> topProducts,
        GlobalRecommendations global,
        IRecommenderModel model,
        ImmutableArray<CustomerRecommendations> recommendations,
        CustomerAnalyses customers,
        ClvResult? clv,
        string? clvNote)
    {
        Options = options;
        Inputs = inputs;
        Dataset = dataset;
        Overall = overall;
        BySegment = bySegment;
        ByCategory = byCategory;
        TopProducts = topProducts;
        Global = global;
        Model = model;
        Recommendations = recommendations;
        Periods = customers.Periods;
        Purchases = customers.Purchases;
        Cohorts = customers.Cohorts;
        Rfm = customers.Rfm;
        Clv = clv;
        ClvNote = clvNote;
        RejectedRows =
        [
            .. inputs.SelectMany(i => i.Report.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Select(RejectedRow.FromDiagnostic),
            .. dataset.Report.Issues.Where(i => i.Rejected).Select(RejectedRow.FromIssue),
        ];
        Account = RunAccounting.Create(inputs, dataset.Report, RejectedRows.Length, options);
    }

    /// <summary>The options the run used.</summary>
    public PipelineOptions Options { get; }

    /// <summary>The input files in the order of the options, with their load reports; empty for <see cref="AnalyticsPipeline.Analyze"/>.</summary>
    public ImmutableArray<PipelineInput> Inputs { get; }

    /// <summary>The enriched dataset, with its <see cref="EnrichedDataset.Report"/>.</summary>
    public EnrichedDataset Dataset { get; }

    /// <summary>The headline figures.</summary>
    public OverallKpis Overall { get; }

    /// <summary>Revenue, units, orders and customers by segment, highest revenue first.</summary>
    public ImmutableArray<GroupKpi> BySegment { get; }

    /// <summary>Revenue, units, orders and customers by category, highest revenue first.</summary>
    public ImmutableArray<GroupKpi> ByCategory { get; }

    /// <summary>The best-selling products by revenue, <see cref="PipelineOptions.TopProductsCount"/> at most.</summary>
    public ImmutableArray<ProductKpi> TopProducts { get; }

    /// <summary>The original demo's three lists: top products, top categories, each segment's top category.</summary>
    public GlobalRecommendations Global { get; }

    /// <summary>The fitted recommender, ready to serve more requests (thread-safe).</summary>
    public IRecommenderModel Model { get; }

    /// <summary>The recommendations for every customer, by customer id.</summary>
    public ImmutableArray<CustomerRecommendations> Recommendations { get; }

    /// <summary>Revenue, orders, units, active and new customers per period (<see cref="PipelineOptions.TimeSeries"/>), empty periods as zeros.</summary>
    public ImmutableArray<PeriodKpi> Periods { get; }

    /// <summary>Average order value, units per order, revenue per customer, repeat purchase rate.</summary>
    public PurchaseKpis Purchases { get; }

    /// <summary>Monthly acquisition cohorts: customers still buying, rate and revenue per month since acquisition.</summary>
    public ImmutableArray<CohortCell> Cohorts { get; }

    /// <summary>Recency, frequency and monetary scores per customer and the named R×F segments.</summary>
    public RfmResult Rfm { get; }

    /// <summary>Discounted customer lifetime value from BG/NBD and Gamma-Gamma; <see langword="null"/> when not computed (see <see cref="ClvNote"/>).</summary>
    public ClvResult? Clv { get; }

    /// <summary>Why <see cref="Clv"/> is <see langword="null"/> (not requested, or the data cannot support the models); <see langword="null"/> when it was computed.</summary>
    public string? ClvNote { get; }

    /// <summary>
    /// Actual against BG/NBD-predicted holdout purchases by calibration frequency (<see cref="CalibrationHoldoutCalculator"/>);
    /// empty unless <see cref="PipelineOptions.LifetimeSummary"/> has a holdout period and the BG/NBD model could be fitted.
    /// </summary>
    public ImmutableArray<CalibrationHoldoutRow> CalibrationHoldout { get; internal init; } = [];

    /// <summary>How long each stage of the run took (load, enrich, KPIs and lists, lifetime fits, recommend).</summary>
    public RunTimings Timings { get; internal init; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The memory estimate made before reading (<see cref="PipelineOptions.MemoryCheck"/>); <see langword="null"/> with <see cref="MemoryCheck.Off"/> and for <see cref="AnalyticsPipeline.Analyze"/>.</summary>
    public MemoryEstimate? MemoryEstimate { get; internal init; }

    /// <summary>The rows kept out of the dataset, by a loader (lenient mode) or by the join, as listed (up to the options' limits).</summary>
    public ImmutableArray<RejectedRow> RejectedRows { get; }

    /// <summary>
    /// Every input row accounted for: per input, read = loaded + rejected by the loader; for the transactions, loaded =
    /// kept + left out by the join, by reason; and how many of those rows <see cref="RejectedRows"/> lists.
    /// </summary>
    public RunAccount Account { get; }

    /// <summary>
    /// Writes every artifact into <paramref name="directory"/> as one set and returns the manifest, which is also written,
    /// last, as <c>manifest.json</c>. <c>rejected_rows.csv</c> is written only when a row was rejected.
    /// </summary>
    /// <remarks>
    /// The files are written into a temporary folder beside <paramref name="directory"/> and moved into place when all are
    /// written: a reader sees the earlier run's set or this one's, never a mix, and no file of the earlier run survives.
    /// On failure the temporary folder is removed and <paramref name="directory"/> is left as it was (<c>docs/artifacts.md</c>).
    /// The run's own files are written concurrently, one per core.
    /// </remarks>
    /// <param name="directory">The output folder: new, empty or an earlier run's (its files are replaced as a whole).</param>
    /// <returns>The manifest of the files written.</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> holds one of the run's input files, or is a root.</exception>
    /// <exception cref="IOException">A file could not be written (the message names it and the cause), or the folder holds files but no manifest.</exception>
    public RunManifest WriteArtifacts(string directory) => WriteArtifacts(directory, []);

    /// <summary>
    /// Writes every artifact and the host's own <paramref name="extraFiles"/> (a dashboard, say) into
    /// <paramref name="directory"/> as one set, as <see cref="WriteArtifacts(string)"/> does; the manifest lists them all.
    /// </summary>
    /// <param name="directory">The output folder: new, empty or an earlier run's (its files are replaced as a whole).</param>
    /// <param name="extraFiles">Files the host adds, each with a path that none of the run's own files has.</param>
    /// <returns>The manifest of the files written.</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> holds one of the run's input files, or an extra file's path is not a new relative path.</exception>
    /// <exception cref="IOException">A file could not be written (the message names it and the cause), or the folder holds files but no manifest.</exception>
    public RunManifest WriteArtifacts(string directory, IEnumerable<ArtifactFile> extraFiles) =>
        WriteArtifacts(directory, extraFiles, ArtifactFileSystem.Disk);

    internal RunManifest WriteArtifacts(string directory, IEnumerable<ArtifactFile> extraFiles, ArtifactFileSystem fileSystem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(extraFiles);
        var folder = new ArtifactFolder(directory, fileSystem);
        if (folder.FindInputInside(Inputs.Select(i => (i.Role, i.Path))) is { } input)
        {
            throw new ArgumentException(
                $"The output folder '{folder.Target}' holds the run's {input.Role} file '{input.Path}'; the artifacts replace the whole folder, which would delete it. Write the artifacts to another folder.",
                nameof(directory));
        }

        var files = RunFiles();
        foreach (var extra in extraFiles)
        {
            ArgumentNullException.ThrowIfNull(extra, nameof(extraFiles));
            CheckExtraPath(extra.Path, files, nameof(extraFiles));
            files.Add(extra);
        }

        return folder.Write(files, CreateManifest);
    }

    private List<ArtifactFile> RunFiles()
    {
        var strategy = Model.StrategyName;
        var files = new List<ArtifactFile>();

        void Add(string path, long rows, Action<Stream> write) => files.Add(new ArtifactFile(path, write) { Rows = rows, Concurrent = true });

        if (Options.IncludeEnrichedEvents)
        {
            Add("events_enriched.csv", Dataset.TransactionCount, s => CsvArtifacts.WriteEnrichedEvents(s, Dataset));
        }

        Add("kpi_overall.csv", 1, s => CsvArtifacts.WriteOverall(s, Overall));
        Add("kpi_by_segment.csv", BySegment.Length, s => CsvArtifacts.WriteGroups(s, "segment", BySegment));
        Add("kpi_by_category.csv", ByCategory.Length, s => CsvArtifacts.WriteGroups(s, "category", ByCategory));
        Add("top_products.csv", TopProducts.Length, s => CsvArtifacts.WriteProducts(s, TopProducts));
        Add("recommendations/top_products.json", Global.TopProducts.Length, s => JsonArtifacts.WriteTopProducts(s, Global.TopProducts));
        Add("recommendations/top_categories.json", Global.TopCategories.Length, s => JsonArtifacts.WriteTopCategories(s, Global.TopCategories));
        Add("recommendations/top_category_per_segment.json", Global.TopCategoryBySegment.Length, s => JsonArtifacts.WriteTopCategoryPerSegment(s, Global.TopCategoryBySegment));
        var itemRows = Recommendations.Sum(c => (long)c.Items.Length);
        Add("recommendations/by_customer.csv", itemRows, s => CsvArtifacts.WriteCustomerRecommendations(s, strategy, Recommendations));
        Add("recommendations/by_customer.json", Recommendations.Length, s => JsonArtifacts.WriteCustomerRecommendations(s, strategy, Recommendations));
        Add("kpi_by_period.csv", Periods.Length, s => CsvArtifacts.WritePeriods(s, Periods));
        Add("cohorts.csv", Cohorts.Length, s => CsvArtifacts.WriteCohorts(s, Cohorts));
        Add("rfm.csv", Rfm.Customers.Length, s => CsvArtifacts.WriteRfm(s, Rfm));
        Add("rfm_segments.csv", Rfm.Segments.Length, s => CsvArtifacts.WriteRfmSegments(s, Rfm));
        if (Clv is { Customers.Length: > 0 } clv)
        {
            Add("clv.csv", clv.Customers.Length, s => CsvArtifacts.WriteClv(s, clv));
        }

        if (CalibrationHoldout.Length > 0)
        {
            Add("calibration_holdout.csv", CalibrationHoldout.Length, s => CsvArtifacts.WriteCalibrationHoldout(s, CalibrationHoldout));
        }

        if (RejectedRows.Length > 0)
        {
            Add(ArtifactFolder.RejectedRowsName, RejectedRows.Length, s => CsvArtifacts.WriteRejectedRows(s, RejectedRows));
        }

        return files;
    }

    private static void CheckExtraPath(string path, List<ArtifactFile> files, string paramName)
    {
        var valid = !string.IsNullOrWhiteSpace(path) && !Path.IsPathRooted(path) && !path.Contains('\\', StringComparison.Ordinal)
            && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");
        if (!valid || path == ArtifactFolder.ManifestName || files.Exists(f => f.Path == path))
        {
            throw new ArgumentException(
                $"The extra artifact path '{path}' is not a new relative path with '/' separators (no '.' or '..' parts, not {ArtifactFolder.ManifestName}, not one of the run's own files).",
                paramName);
        }
    }

    /// <summary>The library's version without build metadata (<c>0.1.0</c>, not <c>0.1.0+sha</c>), for manifests.</summary>
    internal static string LibraryVersion
    {
        get
        {
            var informational = typeof(AnalyticsRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }
    }

    private RunManifest CreateManifest(ImmutableArray<ManifestFile> files)
    {
        var report = Dataset.Report;
        var inputs = Inputs.Select(i => new ManifestInput(
            i.Role,
            Path.GetFileName(i.Path),
            i.Bytes,
            i.Report.RowsRead,
            i.Report.RowsLoaded,
            i.Report.RowsRejected,
            i.Report.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning)));
        var load = Options.Load;
        var enrichment = Options.Enrichment;
        var request = Options.Recommendations;
        var invariant = CultureInfo.InvariantCulture;
        var options = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["enrichment.duplicate_transactions"] = enrichment.DuplicateTransactions.ToString(),
            ["enrichment.strict_references"] = enrichment.StrictReferences || load.Mode == LoadMode.Strict ? "true" : "false",
            ["enrichment.unknown_customers"] = enrichment.UnknownCustomers.ToString(),
            ["enrichment.unknown_products"] = enrichment.UnknownProducts.ToString(),
            ["events_enriched"] = Options.IncludeEnrichedEvents ? "written" : "skipped",
            ["global_list_size"] = Options.GlobalListSize.ToString(invariant),
            ["lifetime_value"] = Clv is null ? "skipped" : "computed",
            ["lifetime_value.discount_rate"] = Options.LifetimeValue?.DiscountRate.ToString("R", invariant) ?? "",
            ["lifetime_value.penalizer"] = Options.LifetimeFit.Penalizer.ToString("R", invariant),
            ["lifetime_value.periods"] = Options.LifetimeValue?.Periods.ToString(invariant) ?? "",
            ["lifetime_value.time_unit"] = Options.LifetimeSummary.TimeUnit.ToString(),
            ["load.mode"] = load.Mode.ToString(),
            ["load.separator"] = load.Separator is { } separator ? separator.ToString() : "auto",
            ["load.source_time_zone"] = load.SourceTimeZone.Id,
            ["recommendations.count"] = request.Count.ToString(invariant),
            ["recommendations.exclude_purchased"] = request.ExcludePurchased ? "true" : "false",
            ["recommender"] = Model.StrategyName,
            ["time_series.period"] = Options.TimeSeries.Period.ToString(),
            ["time_series.time_zone"] = Options.TimeSeries.TimeZone.Id,
            ["top_products"] = Options.TopProductsCount.ToString(invariant),
        };
        return new RunManifest
        {
            LibraryVersion = LibraryVersion,
            Inputs = [.. inputs],
            Counts = new ManifestCounts(
                Dataset.Customers.Count,
                Dataset.Products.Count,
                report.TransactionsRead,
                report.TransactionsKept,
                report.TransactionsRejected,
                Dataset.OrderCount,
                Inputs.Sum(i => i.Report.RowsRejected)),
            Options = options.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Account = Account,
            Files = files,
        };
    }
}
