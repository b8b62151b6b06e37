using System.Globalization;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Pipeline;
using CustomerAnalytics.Reporting.Tests.Infrastructure;
using CustomerAnalytics.Tests.Infrastructure;
using static CustomerAnalytics.Reporting.Tests.Infrastructure.PageActions;

namespace CustomerAnalytics.Reporting.Tests;

/// <summary>Top products and cohort retention follow the filters in a real headless Chromium: after a filter the page's
/// figures equal what the library's own calculators (<see cref="KpiCalculator.TopProducts"/>,
/// <see cref="CustomerKpiCalculator.Cohorts"/>) give on the filtered data; past <see cref="DashboardOptions.MaxEmbeddedOrderLines"/>
/// the top products stay the whole data's and the note says so; and the lifetime-value band labels all show at 1400 px.</summary>
public sealed class DashboardFilterBrowserTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-filters-");

    [ChromiumFact]
    public async Task CategoryFilter_TopProductsAreTheLibrarysOnTheFilteredOrders()
    {
        await using var page = await OpenDocumentAsync(_folder, DashboardDocument.FromDataset(Seed.Dataset()), 1400);

        await SetAsync(page, "filter-category", "0");

        // Accessories: P100 2 × 19.99 (C001) + 19.99 (C004) + 3 × 19.99 (C002) = 119.94, 6 units, 3 orders, 3 buyers;
        // P400 2 × 29.99 = 59.98 (C001).
        const string Expected = "P100 Accessories 119.94 6 3 3|P400 Accessories 59.98 2 1 1";
        Assert.Equal(Expected, await page.TextAsync(Rows("top-products")));
        Assert.Equal(Expected, Library(KpiCalculator.TopProducts(SeedSubset(t => t.ProductId is "P100" or "P400"), 10)));
        Assert.Equal("P100|119.94|P400|59.98", await page.TextAsync(ChartText("top-products")));
        Assert.StartsWith("Every section follows the filters.", await page.TextAsync("document.querySelector('.filter-note').textContent"), StringComparison.Ordinal);

        await SetAsync(page, "filter-category", "-1");
        Assert.Equal(Library(KpiCalculator.TopProducts(Seed.Dataset(), 10)), await page.TextAsync(Rows("top-products")));
        await AssertCleanAsync(page);
    }

    [ChromiumFact]
    public async Task DateRangeAndSegment_TopProductsAndCohortsAreTheLibrarysOnTheFilteredData()
    {
        var dataset = DashboardCompleteBrowserTests.Generated();
        await using var page = await OpenDocumentAsync(_folder, DashboardDocument.FromDataset(dataset), 1400);

        await SetAsync(page, "filter-from", "2024-03-01");
        await SetAsync(page, "filter-to", "2024-08-31");
        await SetAsync(page, "filter-segment", dataset.Segments.ToList().IndexOf("Retail").ToString(CultureInfo.InvariantCulture));
        Assert.Equal("Retail", await page.TextAsync("document.querySelector('#filter-segment').selectedOptions[0].textContent"));

        var filtered = DashboardCompleteBrowserTests.Generated((t, segment) => segment == "Retail" && t.Timestamp >= Day(3, 1) && t.Timestamp < Day(9, 1));
        var products = KpiCalculator.TopProducts(filtered, 10);
        Assert.Equal(2, products.Length); // Customer c buys product (2c + 20k) mod 4 on its k-th visit: G0 or G2.
        Assert.Equal(Library(products), await page.TextAsync(Rows("top-products")));

        // Cohorts restart with the range: each customer's first purchase in it, from March on (every customer buys at least
        // every 100 days, so by June).
        var cells = CustomerKpiCalculator.Cohorts(filtered);
        var expected = cells.GroupBy(c => c.Cohort, StringComparer.Ordinal).Select(g =>
            $"{g.Key} {g.First().CohortSize} " + string.Join(" ", Enumerable.Range(0, 12).Select(m => g.SingleOrDefault(c => c.MonthsSinceAcquisition == m) is { } c ? Percent(c.RetentionRate) : string.Empty)));
        Assert.Equal(string.Join("|", expected), await page.TextAsync(Rows("cohort-retention")));
        Assert.Equal("2024-03 2024-04 2024-05 2024-06", string.Join(" ", cells.Select(c => c.Cohort).Distinct()));
        Assert.Equal(40, cells.Where(c => c.MonthsSinceAcquisition == 0).Sum(c => c.CohortSize));

        // The heat map is drawn again: a row label per cohort, and each cell's percentage as in the table.
        var shares = cells.Where(c => c.MonthsSinceAcquisition < 12).Select(c => Percent(c.RetentionRate));
        Assert.Equal("Retention:  0%|100%|M0|M1|M2|M3|M4|M5|M6|M7|M8|M9|M10|M11|" + string.Join("|", cells.GroupBy(c => c.Cohort).SelectMany(g => g.Select(c => Percent(c.RetentionRate)).Prepend(g.Key))),
            await page.TextAsync(ChartText("cohort-retention")));
        Assert.Equal(shares.Count(), (await page.EvaluateAsync("document.querySelectorAll('#cohort-retention tbody td[class^=\"num h\"]').length"))!.GetValue<int>());
        await AssertCleanAsync(page);
    }

    [ChromiumFact]
    public async Task PastMaxEmbeddedOrderLines_TopProductsStayTheWholeDatas_AndTheNoteSaysWhy()
    {
        var options = DashboardOptions.Default with { MaxEmbeddedOrderLines = 6 };
        var html = Path.Combine(_folder.FullName, "lines.html");
        DashboardWriter.Write(DashboardDocument.FromDataset(Seed.Dataset(), options), html, options);
        await using var page = await DevToolsPage.OpenAsync(1400, 900);
        await page.LoadAsync(html);

        await SetAsync(page, "filter-category", "0");

        Assert.Equal(Library(KpiCalculator.TopProducts(Seed.Dataset(), 10)), await page.TextAsync(Rows("top-products")));
        Assert.Equal("Every section follows the filters but the top products, which show the whole data (7 order lines, more than MaxEmbeddedOrderLines (6)).",
            await page.TextAsync("document.querySelector('.filter-note').textContent"));
        await AssertCleanAsync(page);
    }

    [ChromiumFact]
    public async Task LifetimeValueBands_EveryLabelShows_At1400And390Pixels()
    {
        var run = AnalyticsPipeline.Analyze(DashboardCompleteBrowserTests.Generated());
        var document = DashboardDocument.FromRun(run);
        var bands = document.Sections.Single(s => s.Id == "lifetime-value").Chart!.Labels;
        Assert.Equal(10, bands.Length);
        foreach (var width in new[] { 1400, 390 })
        {
            await using var page = await OpenDocumentAsync(_folder, document, width);

            // Band labels are the texts with a dash or ≥ (the value labels above the columns are plain counts).
            const string Labels = "[...document.querySelectorAll('#lifetime-value svg.chart text')].filter(t => /[–≥]/.test(t.textContent))";
            Assert.Equal(string.Join("|", bands), await page.TextAsync(Labels + ".map(t => t.textContent).join('|')"));

            // Turned 45°: neighbours at least 11 px apart across the text; every label inside the chart.
            var gap = (await page.EvaluateAsync($"(l => Math.min(...l.slice(1).map((t, i) => (t.x.baseVal[0].value - l[i].x.baseVal[0].value) * Math.SQRT1_2)))({Labels})"))!.GetValue<double>();
            Assert.True(gap >= 11, $"Band labels are {gap:0.#} px apart at {width} px; at least 11 expected.");
            Assert.Equal(0, (await page.EvaluateAsync(Labels + ".filter(t => (b => { const s = t.closest('svg').getBoundingClientRect(); return b.left < s.left - 0.5 || b.right > s.right + 0.5 || b.bottom > s.bottom + 0.5; })(t.getBoundingClientRect())).length"))!.GetValue<int>());
            Assert.Equal(10, (await page.EvaluateAsync("document.querySelectorAll('#lifetime-value svg.chart rect > title').length"))!.GetValue<int>());
            await AssertCleanAsync(page);
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static DateTimeOffset Day(int month, int day) => new(2024, month, day, 0, 0, 0, TimeSpan.Zero);

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The library's top products as the page's rows (product, category, revenue, units, orders, buyers; no names in these data).</summary>
    private static string Library(IEnumerable<ProductKpi> products) =>
        string.Join("|", products.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.ProductId} {p.Category} {p.Revenue:#,0.00} {p.Units:#,0} {p.Orders:#,0} {p.Buyers:#,0}")));
}
