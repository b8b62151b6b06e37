using System.Collections.Immutable;
using System.Globalization;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>
/// The built-in sections of <see cref="DashboardDocument"/>, in one culture and currency. A section without data comes
/// back without chart or table, its description saying why (the writer lists it under "Not shown").
/// </summary>
internal sealed class StandardSections(Format format, DashboardOptions options)
{
    /// <summary>The description of a section without orders.</summary>
    public const string NoOrders = "No orders in the data.";

    /// <summary>Revenue by segment or by category; left out with fewer than two groups (<paramref name="sameGroup"/> says why).</summary>
    public DashboardSection Groups(string id, string title, string keyHeader, string description, ImmutableArray<GroupKpi> groups, string sameGroup)
    {
        if (groups.Length < 2)
        {
            return new DashboardSection(id, title, groups.Length == 0 ? NoOrders : $"{sameGroup} ({groups[0].Key}).");
        }

        var chart = new DashboardChart(DashboardChartKind.HorizontalBars, [.. groups.Select(g => g.Key)], [.. groups.Select(g => g.Revenue)], format.MoneyTitle("Revenue"));
        var table = new DashboardTable(
            [new(keyHeader), new("Revenue", true), new("Orders", true), new("Customers", true), new("Units", true)],
            [.. groups.Select(g => ImmutableArray.Create(g.Key, format.Money(g.Revenue), format.Count(g.Orders), format.Count(g.Customers), format.Count(g.Units)))]);
        return new DashboardSection(id, title, description, chart, table);
    }

    /// <summary>The top products by revenue, with a name column when any product has a name and a category column when
    /// products have more than one category.</summary>
    public DashboardSection TopProducts(Enrichment.EnrichedDataset dataset, ImmutableArray<ProductKpi> products)
    {
        const string Id = "top-products", Title = "Top products";
        if (products.IsEmpty)
        {
            return new DashboardSection(Id, Title, NoOrders);
        }

        string NameOf(string productId) =>
            dataset.TryGetProductIndex(productId, out var index) ? dataset.Products[index].Name ?? string.Empty : string.Empty;

        string LabelOf(string productId) => NameOf(productId) is { Length: > 0 } name ? productId + " · " + name : productId;

        var chart = new DashboardChart(DashboardChartKind.HorizontalBars, [.. products.Select(p => LabelOf(p.ProductId))], [.. products.Select(p => p.Revenue)], format.MoneyTitle("Revenue"));
        var withNames = products.Any(p => NameOf(p.ProductId).Length > 0);
        var withCategories = dataset.Categories.Count > 1;
        (DashboardColumn Column, Func<ProductKpi, string> Cell)[] columns =
        [
            (new("Product"), p => p.ProductId),
            .. withNames ? [(new DashboardColumn("Name"), p => NameOf(p.ProductId))] : Array.Empty<(DashboardColumn, Func<ProductKpi, string>)>(),
            .. withCategories ? [(new DashboardColumn("Category"), p => p.Category)] : Array.Empty<(DashboardColumn, Func<ProductKpi, string>)>(),
            (new("Revenue", true), p => format.Money(p.Revenue)),
            (new("Units", true), p => format.Count(p.Units)),
            (new("Orders", true), p => format.Count(p.Orders)),
            (new("Buyers", true), p => format.Count(p.Buyers)),
        ];
        var table = new DashboardTable([.. columns.Select(c => c.Column)], [.. products.Select(p => columns.Select(c => c.Cell(p)).ToImmutableArray())]);
        return new DashboardSection(Id, Title, "Products with the highest net revenue.", chart, table);
    }

    /// <summary>Revenue per period: columns (a line past 36 periods); a first or last period the data covers only partly is marked.</summary>
    public DashboardSection Periods(ImmutableArray<PeriodKpi> periods, DataRange? range, string zone)
    {
        const string Id = "revenue-by-month", Title = "Revenue by month";
        if (periods.IsEmpty || range is not { } covered)
        {
            return new DashboardSection(Id, Title, NoOrders);
        }

        var partial = periods.Select(covered.IsPartial).ToImmutableArray();
        var chart = new DashboardChart(
            periods.Length > 36 ? DashboardChartKind.Line : DashboardChartKind.VerticalBars,
            [.. periods.Select(m => m.Period)],
            [.. periods.Select(m => m.Revenue)],
            format.MoneyTitle("Revenue"))
        { Partial = partial };
        var table = new DashboardTable(
            [new("Month"), new("Revenue", true), new("Orders", true), new("Units", true), new("Active customers", true), new("New customers", true)],
            [.. periods.Select((m, i) => ImmutableArray.Create(
                partial[i] ? m.Period + " (partial)" : m.Period,
                format.Money(m.Revenue), format.Count(m.Orders), format.Count(m.Units), format.Count(m.ActiveCustomers), format.Count(m.NewCustomers)))]);
        var description = $"Net revenue per calendar month ({zone}); months without sales show as zero.";
        if (covered.StartsWithin(periods[0]))
        {
            description += $" {periods[0].Period} is partial: the data starts on {Format.Date(covered.First)}.";
        }

        if (covered.EndsWithin(periods[^1]))
        {
            description += $" {periods[^1].Period} is partial: the data ends on {Format.Date(covered.Last)}.";
        }

        return new DashboardSection(Id, Title, description, chart, table);
    }

    /// <summary>Each segment's top category; left out when every product has the same category.</summary>
    public DashboardSection TopCategories(ImmutableArray<SegmentTopCategory> rows, ImmutableArray<GroupKpi> byCategory)
    {
        const string Id = "top-category-by-segment", Title = "Top category per segment";
        if (rows.IsEmpty)
        {
            return new DashboardSection(Id, Title, NoOrders);
        }

        if (byCategory.Length < 2)
        {
            return new DashboardSection(Id, Title, $"Every product has the same category ({rows[0].Category}).");
        }

        var table = new DashboardTable(
            [new("Segment"), new("Top category"), new("Revenue", true)],
            [.. rows.Select(r => ImmutableArray.Create(r.Segment, r.Category, format.Money(r.Revenue)))]);
        return new DashboardSection(Id, Title, "The category each segment spent most on.", Table: table);
    }

    /// <summary>Cohort retention: a heat map and the table behind it, the latest <see cref="DashboardOptions.MaxCohorts"/> cohorts.</summary>
    public DashboardSection Cohorts(ImmutableArray<CohortCell> cells)
    {
        const string Id = "cohort-retention", Title = "Cohort retention";
        if (cells.IsEmpty)
        {
            return new DashboardSection(Id, Title, NoOrders);
        }

        var months = options.CohortMonths;
        var cohorts = cells.GroupBy(c => c.Cohort, StringComparer.Ordinal).TakeLast(options.MaxCohorts).ToList();
        var monthLabels = Enumerable.Range(0, months).Select(m => string.Create(CultureInfo.InvariantCulture, $"M{m}")).ToImmutableArray();
        ImmutableArray<DashboardColumn> columns = [new("Cohort"), new("Customers", true), .. monthLabels.Select(m => new DashboardColumn(m, true))];
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var heat = ImmutableArray.CreateBuilder<ImmutableArray<double?>>();
        var shares = ImmutableArray.CreateBuilder<ImmutableArray<double?>>();
        foreach (var cohort in cohorts)
        {
            var cellsByMonth = cohort.ToDictionary(c => c.MonthsSinceAcquisition);
            ImmutableArray<double?> rates = [.. Enumerable.Range(0, months).Select(m => cellsByMonth.TryGetValue(m, out var cell) ? cell.RetentionRate : (double?)null)];
            rows.Add([cohort.Key, format.Count(cohort.First().CohortSize), .. rates.Select(r => r is { } rate ? format.Percent(rate) : string.Empty)]);
            heat.Add([null, null, .. rates]);
            shares.Add(rates);
        }

        return new DashboardSection(
            Id,
            Title,
            $"Customers by month of first purchase (up to the latest {options.MaxCohorts} cohorts); M0…M{months - 1}: the share still buying n months later.",
            Table: new DashboardTable(columns, rows.ToImmutable(), heat.ToImmutable()))
        {
            HeatMap = new DashboardHeatMap([.. cohorts.Select(c => c.Key)], monthLabels, shares.ToImmutable(), "Retention"),
        };
    }

    /// <summary>The RFM segments, most customers first.</summary>
    public DashboardSection Rfm(RfmResult? rfm)
    {
        const string Id = "rfm-segments", Title = "RFM segments";
        if (rfm is not { Customers.IsDefaultOrEmpty: false })
        {
            return new DashboardSection(Id, Title, NoOrders);
        }

        var segments = rfm.Segments.Where(s => s.Customers > 0).OrderByDescending(s => s.Customers).ThenBy(s => s.Segment).ToImmutableArray();
        var chart = new DashboardChart(DashboardChartKind.HorizontalBars, [.. segments.Select(s => Format.RfmSegment(s.Segment))], [.. segments.Select(s => (decimal)s.Customers)], "Customers");
        var table = new DashboardTable(
            [new("Segment"), new("Customers", true), new("Share", true), new("Revenue", true), new("Revenue share", true)],
            [.. segments.Select(s => ImmutableArray.Create(Format.RfmSegment(s.Segment), format.Count(s.Customers), format.Percent(s.CustomerShare), format.Money(s.Revenue), format.Percent(s.RevenueShare)))]);
        var description = $"Customers by recency × frequency segment, as of {rfm.AnalysisDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; most customers first.";
        return new DashboardSection(Id, Title, description, chart, table);
    }
}
