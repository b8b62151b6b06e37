using System.Collections.Immutable;
using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Pipeline;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Reporting.Internal;

namespace CustomerAnalytics.Reporting;

/// <summary>
/// What the dashboard shows: a title, headline cards and sections. Build the standard page with
/// <see cref="FromDataset"/>, add sections with <c>with { Sections = … }</c>, and write it with
/// <see cref="DashboardWriter"/>.
/// </summary>
/// <param name="Title">The page title and heading.</param>
/// <param name="Subtitle">A line under the heading, or <see langword="null"/>.</param>
/// <param name="Cards">The headline figures.</param>
/// <param name="Sections">The panels, in page order.</param>
/// <param name="GeneratedAt">When the data was produced, shown in the footer; <see langword="null"/> leaves it out.</param>
public sealed record DashboardDocument(
    string Title,
    string? Subtitle,
    ImmutableArray<DashboardCard> Cards,
    ImmutableArray<DashboardSection> Sections,
    DateTimeOffset? GeneratedAt = null)
{
    /// <summary>The ids of the built-in sections, in page order.</summary>
    public static ImmutableArray<string> StandardSectionIds { get; } =
        ["revenue-by-segment", "revenue-by-category", "top-products", "revenue-by-month", "top-category-by-segment", "cohort-retention", "rfm-segments"];

    /// <summary>
    /// The standard dashboard of a dataset: cards for customers, orders, revenue and average order value
    /// (<see cref="KpiCalculator.Overall"/>); revenue by segment and by category (<see cref="KpiCalculator.BySegment"/>,
    /// <see cref="KpiCalculator.ByCategory"/>); the top products by revenue (<see cref="KpiCalculator.TopProducts"/>);
    /// revenue by calendar month (UTC, <see cref="CustomerKpiCalculator.ByPeriod"/>); each segment's top category
    /// (<see cref="GlobalRecommendations.TopCategoryBySegment"/>); cohort retention
    /// (<see cref="CustomerKpiCalculator.Cohorts"/>); and the RFM segments (<see cref="RfmCalculator.Compute"/>).
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="DashboardOptions.Default"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public static DashboardDocument FromDataset(EnrichedDataset dataset, DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= DashboardOptions.Default;
        options.Validate();
        var overall = KpiCalculator.Overall(dataset);
        return FromResults(
            dataset,
            overall,
            KpiCalculator.BySegment(dataset),
            KpiCalculator.ByCategory(dataset),
            KpiCalculator.TopProducts(dataset, options.TopProductCount),
            GlobalRecommendations.Compute(dataset, 0).TopCategoryBySegment,
            options);
    }

    /// <summary>
    /// The standard dashboard of a pipeline run, from the figures the run already computed (nothing is computed
    /// twice). The monthly section shows the run's <see cref="AnalyticsRun.Periods"/>, whatever period and time zone
    /// its options chose.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="DashboardOptions.Default"/>
    /// (<see cref="DashboardOptions.TopProductCount"/> does not apply: the run's top products are shown).</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public static DashboardDocument FromRun(AnalyticsRun run, DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        options ??= DashboardOptions.Default;
        options.Validate();
        return Create(run.Dataset, run.Overall, run.BySegment, run.ByCategory, run.TopProducts, run.Global.TopCategoryBySegment, run.Periods, run.Cohorts, run.Rfm, options);
    }

    /// <summary>
    /// The standard dashboard from results already computed, so nothing is computed twice; the time series, cohorts
    /// and RFM segments are computed here from <paramref name="dataset"/>.
    /// </summary>
    /// <param name="dataset">The dataset the results come from.</param>
    /// <param name="overall">The headline figures.</param>
    /// <param name="bySegment">Revenue by segment.</param>
    /// <param name="byCategory">Revenue by category.</param>
    /// <param name="topProducts">The top products, in rank order (all of them are shown).</param>
    /// <param name="topCategoryBySegment">Each segment's top category.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="DashboardOptions.Default"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> or <paramref name="overall"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public static DashboardDocument FromResults(
        EnrichedDataset dataset,
        OverallKpis overall,
        ImmutableArray<GroupKpi> bySegment,
        ImmutableArray<GroupKpi> byCategory,
        ImmutableArray<ProductKpi> topProducts,
        ImmutableArray<SegmentTopCategory> topCategoryBySegment,
        DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(overall);
        options ??= DashboardOptions.Default;
        options.Validate();
        return Create(
            dataset,
            overall,
            bySegment,
            byCategory,
            topProducts,
            topCategoryBySegment,
            CustomerKpiCalculator.ByPeriod(dataset),
            CustomerKpiCalculator.Cohorts(dataset),
            dataset.TransactionCount == 0 ? null : RfmCalculator.Compute(dataset),
            options);
    }

    private static DashboardDocument Create(
        EnrichedDataset dataset,
        OverallKpis overall,
        ImmutableArray<GroupKpi> bySegment,
        ImmutableArray<GroupKpi> byCategory,
        ImmutableArray<ProductKpi> topProducts,
        ImmutableArray<SegmentTopCategory> topCategoryBySegment,
        ImmutableArray<PeriodKpi> periods,
        ImmutableArray<CohortCell> cohorts,
        RfmResult? rfm,
        DashboardOptions options)
    {
        ImmutableArray<DashboardCard> cards =
        [
            new("Customers", Format.Count(overall.Customers)),
            new("Orders", Format.Count(overall.Orders)),
            new("Revenue", Format.Money(overall.Revenue)),
            new("Average order value", Format.Money(overall.AverageOrderValue)),
        ];

        var subtitle = $"{Format.Quantity(overall.Transactions, "order line")}, {Format.Quantity(overall.Units, "unit")}, "
            + $"{Format.Quantity(dataset.Products.Count, "product")} in {Format.Quantity(dataset.Categories.Count, "category", "categories")}";

        ImmutableArray<DashboardSection> sections =
        [
            GroupSection("revenue-by-segment", "Revenue by segment", "Segment", "Net revenue of each customer segment, highest first.", bySegment.IsDefault ? [] : bySegment),
            GroupSection("revenue-by-category", "Revenue by category", "Category", "Net revenue of each product category, highest first.", byCategory.IsDefault ? [] : byCategory),
            TopProductsSection(dataset, topProducts.IsDefault ? [] : topProducts),
            MonthSection(periods.IsDefault ? [] : periods),
            TopCategorySection(topCategoryBySegment.IsDefault ? [] : topCategoryBySegment),
            CohortSection(cohorts.IsDefault ? [] : cohorts, options),
            RfmSection(rfm is { Customers.IsDefaultOrEmpty: false } ? rfm : null),
        ];

        return new DashboardDocument(options.Title, subtitle, cards, sections, options.GeneratedAt);
    }

    private static DashboardSection GroupSection(string id, string title, string keyHeader, string description, ImmutableArray<GroupKpi> groups)
    {
        var chart = new DashboardChart(
            DashboardChartKind.HorizontalBars,
            [.. groups.Select(g => g.Key)],
            [.. groups.Select(g => g.Revenue)],
            "Revenue");
        var table = new DashboardTable(
            [new(keyHeader), new("Revenue", true), new("Orders", true), new("Customers", true), new("Units", true)],
            [.. groups.Select(g => ImmutableArray.Create(g.Key, Format.Money(g.Revenue), Format.Count(g.Orders), Format.Count(g.Customers), Format.Count(g.Units)))]);
        return new DashboardSection(id, title, description, chart, table);
    }

    private static DashboardSection TopProductsSection(EnrichedDataset dataset, ImmutableArray<ProductKpi> products)
    {
        string NameOf(string productId) =>
            dataset.TryGetProductIndex(productId, out var index) ? dataset.Products[index].Name ?? string.Empty : string.Empty;

        string LabelOf(string productId) => NameOf(productId) is { Length: > 0 } name ? productId + " · " + name : productId;

        var chart = new DashboardChart(
            DashboardChartKind.HorizontalBars,
            [.. products.Select(p => LabelOf(p.ProductId))],
            [.. products.Select(p => p.Revenue)],
            "Revenue");
        var withNames = products.Any(p => NameOf(p.ProductId).Length > 0);
        ImmutableArray<DashboardColumn> columns = withNames
            ? [new("Product"), new("Name"), new("Category"), new("Revenue", true), new("Units", true), new("Orders", true), new("Buyers", true)]
            : [new("Product"), new("Category"), new("Revenue", true), new("Units", true), new("Orders", true), new("Buyers", true)];
        var table = new DashboardTable(
            columns,
            [.. products.Select(p => withNames
                ? ImmutableArray.Create(p.ProductId, NameOf(p.ProductId), p.Category, Format.Money(p.Revenue), Format.Count(p.Units), Format.Count(p.Orders), Format.Count(p.Buyers))
                : ImmutableArray.Create(p.ProductId, p.Category, Format.Money(p.Revenue), Format.Count(p.Units), Format.Count(p.Orders), Format.Count(p.Buyers)))]);
        return new DashboardSection("top-products", "Top products", "Products with the highest net revenue.", chart, table);
    }

    private static DashboardSection MonthSection(ImmutableArray<PeriodKpi> months)
    {
        var chart = new DashboardChart(
            DashboardChartKind.VerticalBars,
            [.. months.Select(m => m.Period)],
            [.. months.Select(m => m.Revenue)],
            "Revenue");
        var table = new DashboardTable(
            [new("Month"), new("Revenue", true), new("Orders", true), new("Units", true), new("Active customers", true), new("New customers", true)],
            [.. months.Select(m => ImmutableArray.Create(m.Period, Format.Money(m.Revenue), Format.Count(m.Orders), Format.Count(m.Units), Format.Count(m.ActiveCustomers), Format.Count(m.NewCustomers)))]);
        return new DashboardSection("revenue-by-month", "Revenue by month", "Net revenue per calendar month (UTC); months without sales show as zero.", chart, table);
    }

    private static DashboardSection CohortSection(ImmutableArray<CohortCell> cells, DashboardOptions options)
    {
        var months = options.CohortMonths;
        var cohorts = cells.GroupBy(c => c.Cohort, StringComparer.Ordinal).TakeLast(options.MaxCohorts).ToList();
        ImmutableArray<DashboardColumn> columns =
        [
            new("Cohort"), new("Customers", true),
            .. Enumerable.Range(0, months).Select(m => new DashboardColumn(string.Create(CultureInfo.InvariantCulture, $"M{m}"), true)),
        ];
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var heat = ImmutableArray.CreateBuilder<ImmutableArray<double?>>();
        foreach (var cohort in cohorts)
        {
            var cellsByMonth = cohort.ToDictionary(c => c.MonthsSinceAcquisition);
            var rates = Enumerable.Range(0, months).Select(m => cellsByMonth.TryGetValue(m, out var cell) ? cell.RetentionRate : (double?)null).ToArray();
            rows.Add([cohort.Key, Format.Count(cohort.First().CohortSize), .. rates.Select(r => r is { } rate ? Format.Percent(rate) : string.Empty)]);
            heat.Add([null, null, .. rates]);
        }

        return new DashboardSection(
            "cohort-retention",
            "Cohort retention",
            $"Customers by month of first purchase (up to the latest {options.MaxCohorts} cohorts); M0…M{months - 1}: the share still buying n months later.",
            Table: new DashboardTable(columns, rows.ToImmutable(), heat.ToImmutable()));
    }

    private static DashboardSection RfmSection(RfmResult? rfm)
    {
        var segments = rfm is null ? [] : rfm.Segments.Where(s => s.Customers > 0).OrderByDescending(s => s.Customers).ThenBy(s => s.Segment).ToImmutableArray();
        var chart = new DashboardChart(
            DashboardChartKind.HorizontalBars,
            [.. segments.Select(s => Format.RfmSegment(s.Segment))],
            [.. segments.Select(s => (decimal)s.Customers)],
            "Customers");
        var table = new DashboardTable(
            [new("Segment"), new("Customers", true), new("Share", true), new("Revenue", true), new("Revenue share", true)],
            [.. segments.Select(s => ImmutableArray.Create(Format.RfmSegment(s.Segment), Format.Count(s.Customers), Format.Percent(s.CustomerShare), Format.Money(s.Revenue), Format.Percent(s.RevenueShare)))]);
        var description = rfm is null
            ? "Customers by recency × frequency segment."
            : $"Customers by recency × frequency segment, as of {rfm.AnalysisDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; most customers first.";
        return new DashboardSection("rfm-segments", "RFM segments", description, chart, table);
    }

    private static DashboardSection TopCategorySection(ImmutableArray<SegmentTopCategory> rows)
    {
        var table = new DashboardTable(
            [new("Segment"), new("Top category"), new("Revenue", true)],
            [.. rows.Select(r => ImmutableArray.Create(r.Segment, r.Category, Format.Money(r.Revenue)))]);
        return new DashboardSection("top-category-by-segment", "Top category per segment", "The category each segment spent most on.", Table: table);
    }
}
