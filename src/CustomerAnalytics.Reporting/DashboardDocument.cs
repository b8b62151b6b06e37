using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
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
        ["revenue-by-segment", "revenue-by-category", "top-products", "revenue-by-month", "top-category-by-segment"];

    /// <summary>
    /// The standard dashboard of a dataset: cards for customers, orders, revenue and average order value
    /// (<see cref="KpiCalculator.Overall"/>); revenue by segment and by category (<see cref="KpiCalculator.BySegment"/>,
    /// <see cref="KpiCalculator.ByCategory"/>); the top products by revenue (<see cref="KpiCalculator.TopProducts"/>);
    /// revenue by calendar month (UTC); and each segment's top category
    /// (<see cref="GlobalRecommendations.TopCategoryBySegment"/>).
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
    /// The standard dashboard from results already computed (for example by a pipeline run), so nothing is computed
    /// twice; only revenue by month is computed here, from <paramref name="dataset"/>.
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

        ImmutableArray<DashboardCard> cards =
        [
            new("Customers", Format.Count(overall.Customers)),
            new("Orders", Format.Count(overall.Orders)),
            new("Revenue", Format.Money(overall.Revenue)),
            new("Average order value", Format.Money(overall.AverageOrderValue)),
        ];

        var subtitle = $"{Format.Count(overall.Transactions)} order lines, {Format.Count(overall.Units)} units, "
            + $"{Format.Count(dataset.Products.Count)} products in {Format.Count(dataset.Categories.Count)} categories";

        ImmutableArray<DashboardSection> sections =
        [
            GroupSection("revenue-by-segment", "Revenue by segment", "Segment", "Net revenue of each customer segment, highest first.", bySegment.IsDefault ? [] : bySegment),
            GroupSection("revenue-by-category", "Revenue by category", "Category", "Net revenue of each product category, highest first.", byCategory.IsDefault ? [] : byCategory),
            TopProductsSection(dataset, topProducts.IsDefault ? [] : topProducts),
            MonthSection(MonthlyRevenue.Compute(dataset)),
            TopCategorySection(topCategoryBySegment.IsDefault ? [] : topCategoryBySegment),
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

    private static DashboardSection MonthSection(ImmutableArray<MonthlyRevenue> months)
    {
        var chart = new DashboardChart(
            DashboardChartKind.VerticalBars,
            [.. months.Select(m => m.Month)],
            [.. months.Select(m => m.Revenue)],
            "Revenue");
        var table = new DashboardTable(
            [new("Month"), new("Revenue", true), new("Order lines", true), new("Units", true)],
            [.. months.Select(m => ImmutableArray.Create(m.Month, Format.Money(m.Revenue), Format.Count(m.Lines), Format.Count(m.Units)))]);
        return new DashboardSection("revenue-by-month", "Revenue by month", "Net revenue per calendar month (UTC); months without sales show as zero.", chart, table);
    }

    private static DashboardSection TopCategorySection(ImmutableArray<SegmentTopCategory> rows)
    {
        var table = new DashboardTable(
            [new("Segment"), new("Top category"), new("Revenue", true)],
            [.. rows.Select(r => ImmutableArray.Create(r.Segment, r.Category, Format.Money(r.Revenue)))]);
        return new DashboardSection("top-category-by-segment", "Top category per segment", "The category each segment spent most on.", Table: table);
    }
}
