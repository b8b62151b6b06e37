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
/// demo's global lists and the recommendations for every customer. Immutable; <see cref="WriteArtifacts"/> writes the
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

    /// <summary>The rows kept out of the dataset, by a loader (lenient mode) or by the join, as listed (up to the options' limits).</summary>
    public ImmutableArray<RejectedRow> RejectedRows { get; }

    /// <summary>
    /// Every input row accounted for: per input, read = loaded + rejected by the loader; for the transactions, loaded =
    /// kept + left out by the join, by reason; and how many of those rows <see cref="RejectedRows"/> lists.
    /// </summary>
    public RunAccount Account { get; }

    /// <summary>
    /// Writes every artifact into <paramref name="directory"/> (created if needed; existing files of the same name are
    /// replaced) and returns the manifest, which is also written as <c>manifest.json</c>. <c>rejected_rows.csv</c> is
    /// written only when a row was rejected.
    /// </summary>
    /// <param name="directory">The output folder.</param>
    /// <returns>The manifest of the files written.</returns>
    public RunManifest WriteArtifacts(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(Path.Combine(directory, "recommendations"));
        var files = new List<ManifestFile>();
        var strategy = Model.StrategyName;

        void Write(string relativePath, long rows, Action<Stream> write)
        {
            var path = Path.Combine(directory, relativePath);
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            files.Add(new ManifestFile(relativePath.Replace('\\', '/'), new FileInfo(path).Length, rows));
        }

        Write("events_enriched.csv", Dataset.TransactionCount, s => CsvArtifacts.WriteEnrichedEvents(s, Dataset));
        Write("kpi_overall.csv", 1, s => CsvArtifacts.WriteOverall(s, Overall));
        Write("kpi_by_segment.csv", BySegment.Length, s => CsvArtifacts.WriteGroups(s, "segment", BySegment));
        Write("kpi_by_category.csv", ByCategory.Length, s => CsvArtifacts.WriteGroups(s, "category", ByCategory));
        Write("top_products.csv", TopProducts.Length, s => CsvArtifacts.WriteProducts(s, TopProducts));
        Write("recommendations/top_products.json", Global.TopProducts.Length, s => JsonArtifacts.WriteTopProducts(s, Global.TopProducts));
        Write("recommendations/top_categories.json", Global.TopCategories.Length, s => JsonArtifacts.WriteTopCategories(s, Global.TopCategories));
        Write("recommendations/top_category_per_segment.json", Global.TopCategoryBySegment.Length, s => JsonArtifacts.WriteTopCategoryPerSegment(s, Global.TopCategoryBySegment));
        var itemRows = Recommendations.Sum(c => (long)c.Items.Length);
        Write("recommendations/by_customer.csv", itemRows, s => CsvArtifacts.WriteCustomerRecommendations(s, strategy, Recommendations));
        Write("recommendations/by_customer.json", Recommendations.Length, s => JsonArtifacts.WriteCustomerRecommendations(s, strategy, Recommendations));
        Write("kpi_by_period.csv", Periods.Length, s => CsvArtifacts.WritePeriods(s, Periods));
        Write("cohorts.csv", Cohorts.Length, s => CsvArtifacts.WriteCohorts(s, Cohorts));
        Write("rfm.csv", Rfm.Customers.Length, s => CsvArtifacts.WriteRfm(s, Rfm));
        Write("rfm_segments.csv", Rfm.Segments.Length, s => CsvArtifacts.WriteRfmSegments(s, Rfm));
        WriteIfAny("clv.csv", Clv is { } clv ? clv.Customers.Length : 0, s => CsvArtifacts.WriteClv(s, Clv!));
        WriteIfAny("rejected_rows.csv", RejectedRows.Length, s => CsvArtifacts.WriteRejectedRows(s, RejectedRows));

        // Files that only some runs write: a stale one from an earlier run would contradict this run's manifest.
        void WriteIfAny(string relativePath, long rows, Action<Stream> write)
        {
            if (rows > 0)
            {
                Write(relativePath, rows, write);
            }
            else
            {
                File.Delete(Path.Combine(directory, relativePath));
            }
        }

        var manifest = CreateManifest([.. files.OrderBy(f => f.Path, StringComparer.Ordinal)]);
        using (var stream = new FileStream(Path.Combine(directory, "manifest.json"), FileMode.Create, FileAccess.Write))
        {
            JsonArtifacts.WriteManifest(stream, manifest);
        }

        return manifest;
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
            ["global_list_size"] = Options.GlobalListSize.ToString(invariant),
            ["lifetime_value"] = Clv is null ? "skipped" : "computed",
            ["lifetime_value.discount_rate"] = Options.LifetimeValue?.DiscountRate.ToString("R", invariant) ?? "",
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
