using System.Collections.Immutable;
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
    /// <summary>The first day of the data (its earliest transaction, local to <see cref="TimeZoneName"/>), shown in the header.</summary>
    /// <value>Defaults to <see langword="null"/>: no date range in the header.</value>
    public DateOnly? FirstDate { get; init; }

    /// <summary>The last day of the data (its latest transaction), shown in the header.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public DateOnly? LastDate { get; init; }

    /// <summary>The time zone of <see cref="FirstDate"/> and <see cref="LastDate"/>, for example <c>UTC</c>.</summary>
    /// <value>Defaults to <see langword="null"/>: not shown.</value>
    public string? TimeZoneName { get; init; }

    /// <summary>The data the page's script filters (built by the <c>From…</c> factories), or <see langword="null"/>: a static page.</summary>
    internal InteractiveData? Interactive { get; init; }

    /// <summary>Why the page has no filters although the factories built it (too many orders), or <see langword="null"/>.</summary>
    internal string? InteractiveNote { get; init; }

    /// <summary>The ids of the built-in sections, in page order.</summary>
    public static ImmutableArray<string> StandardSectionIds { get; } =
        ["revenue-by-segment", "revenue-by-category", "top-products", "revenue-by-month", "top-category-by-segment", "cohort-retention", "rfm-segments", "rfm-customers", "lifetime-value", "probability-alive", "recommendations-by-segment"];

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
        var monthly = run.Options.TimeSeries.Period == KpiPeriod.Month;
        var document = Create(run.Dataset, run.Overall, run.BySegment, run.ByCategory, run.TopProducts, run.Global.TopCategoryBySegment, run.Periods, run.Cohorts, run.Rfm, run.Options.TimeSeries.TimeZone, monthly, options, run);
        return document with { Sections = WithRunSections(document.Sections, run, options) };
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
            TimeZoneInfo.Utc,
            monthly: true,
            options);
    }

    /// <summary>The standard sections with the run-only ones (lifetime value, P(alive), recommendations) filled in.</summary>
    private static ImmutableArray<DashboardSection> WithRunSections(ImmutableArray<DashboardSection> sections, AnalyticsRun run, DashboardOptions options)
    {
        var complete = new CompleteSections(Format.For(options));
        return [.. sections.Select(s => s.Id switch
        {
            "lifetime-value" => complete.LifetimeValue(run.Clv, run.ClvNote),
            "probability-alive" => complete.ProbabilityAlive(run.Clv, run.ClvNote),
            "recommendations-by-segment" => complete.Recommendations(run.Dataset, run.Recommendations, run.Rfm),
            _ => s,
        })];
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
        TimeZoneInfo zone,
        bool monthly,
        DashboardOptions options,
        AnalyticsRun? run = null)
    {
        var format = Format.For(options);
        ImmutableArray<DashboardCard> cards =
        [
            new("Customers", format.Count(overall.Customers)),
            new("Orders", format.Count(overall.Orders)),
            new("Revenue", format.Money(overall.Revenue)),
            new("Average order value", format.Money(overall.AverageOrderValue)),
        ];

        var subtitle = $"{format.Quantity(overall.Transactions, "order line")}, {format.Quantity(overall.Units, "unit")}, "
            + $"{format.Quantity(dataset.Products.Count, "product")} in {format.Quantity(dataset.Categories.Count, "category", "categories")}";

        var range = DataRange.Of(dataset, zone);
        var zoneName = zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;
        var byCategoryOrEmpty = byCategory.IsDefault ? [] : byCategory;
        var standard = new StandardSections(format, options);
        var complete = new CompleteSections(format);
        ImmutableArray<DashboardSection> sections =
        [
            standard.Groups("revenue-by-segment", "Revenue by segment", "Segment", "Net revenue of each customer segment, highest first.", bySegment.IsDefault ? [] : bySegment, "Every customer is in the same segment"),
            standard.Groups("revenue-by-category", "Revenue by category", "Category", "Net revenue of each product category, highest first.", byCategoryOrEmpty, "Every product has the same category"),
            standard.TopProducts(dataset, topProducts.IsDefault ? [] : topProducts),
            standard.Periods(periods.IsDefault ? [] : periods, range, zoneName),
            standard.TopCategories(topCategoryBySegment.IsDefault ? [] : topCategoryBySegment, byCategoryOrEmpty),
            standard.Cohorts(cohorts.IsDefault ? [] : cohorts),
            standard.Rfm(rfm),
            complete.RfmCustomers(rfm),
            complete.LifetimeValue(null, dataset.TransactionCount == 0 ? StandardSections.NoOrders : null),
            complete.ProbabilityAlive(null, dataset.TransactionCount == 0 ? StandardSections.NoOrders : null),
            complete.Recommendations(dataset, default, rfm),
        ];

        return new DashboardDocument(options.Title, subtitle, cards, sections, options.GeneratedAt)
        {
            FirstDate = range?.First,
            LastDate = range?.Last,
            TimeZoneName = range is null ? null : zoneName,
            Interactive = InteractiveData.Of(dataset, range, zone, monthly, format, options, new RunModels(rfm, run?.Clv, run?.Recommendations ?? default), out var note),
            InteractiveNote = note,
        };
    }
}
