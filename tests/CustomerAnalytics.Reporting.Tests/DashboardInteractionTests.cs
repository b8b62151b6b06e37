using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;
using CustomerAnalytics.Reporting.Tests.Infrastructure;
using CustomerAnalytics.Tests.Infrastructure;
using static CustomerAnalytics.Reporting.Tests.Infrastructure.PageActions;

namespace CustomerAnalytics.Reporting.Tests;

/// <summary>
/// The page's interactions in a real headless Chromium (DevTools protocol), on the seed, whose figures are computed by
/// hand in each test: filters, period-over-period change, sort, CSV export, drill-down, the fallback without scripts,
/// and a 390-px-wide phone. Every test also checks that the page reported no console message, exception or CSP violation.
/// </summary>
public sealed class DashboardInteractionTests : IDisposable
{
    private const string Cards = "[...document.querySelectorAll('.card')].map(c => c.querySelector('.card-label').textContent + '=' + c.querySelector('.card-value').textContent).join('; ')";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-interact-");

    [ChromiumFact]
    public async Task DateRange_CardsShowTheRangeAndTheChangeAgainstTheThreeDaysBefore()
    {
        await using var page = await OpenSeedAsync();

        await SetAsync(page, "filter-from", "2024-03-04");
        await SetAsync(page, "filter-to", "2024-03-06");

        // 2024-03-04..06: C004 19.99, C001 59.98, C002 59.97; the three days before: 39.98 + 199.00 + 499.00 + 597.00.
        Assert.Equal("Customers=3; Orders=3; Revenue=139.94; Average order value=46.65", await page.TextAsync(Cards));
        Assert.Equal("-89.5% vs 2024-03-01 to 2024-03-03", await page.TextAsync("document.querySelectorAll('.card-change')[2].textContent"));
        Assert.Equal("Consumer 79.97 2 2 3|SMB 59.97 1 1 3", await page.TextAsync(Rows("revenue-by-segment")));
        Assert.Equal("2024-03 (partial) 139.94 3 6 3 3", await page.TextAsync(Rows("revenue-by-month")));
        await AssertCleanAsync(page);
    }

    [ChromiumFact]
    public async Task SegmentAndCategory_EveryFilteredSectionFollows()
    {
        await using var page = await OpenSeedAsync();

        await SetAsync(page, "filter-segment", "0");
        Assert.Equal("Customers=2; Orders=4; Revenue=318.95; Average order value=79.74", await page.TextAsync(Cards));
        Assert.Equal("No earlier 6 days in the data", await page.TextAsync("document.querySelector('.card-change').textContent"));

        await SetAsync(page, "filter-segment", "-1");
        await SetAsync(page, "filter-category", "0");
        Assert.Equal("Customers=3; Orders=4; Revenue=179.92; Average order value=44.98", await page.TextAsync(Cards));
        Assert.Equal("Accessories 179.92 4 3 8", await page.TextAsync(Rows("revenue-by-category")));
        Assert.Equal("Consumer Accessories 119.95|SMB Accessories 59.97", await page.TextAsync(Rows("top-category-by-segment")));
        Assert.Equal(1, (await page.EvaluateAsync("document.querySelectorAll('#revenue-by-category svg.chart rect').length"))!.GetValue<int>());
        await AssertCleanAsync(page);
    }

    [ChromiumFact]
    public async Task Sort_HeaderClicksOrderTheRows()
    {
        await using var page = await OpenSeedAsync();

        await ClickAsync(page, "#revenue-by-segment th:nth-child(1) button");
        Assert.Equal("Consumer|Enterprise|SMB", await page.TextAsync(FirstCells("revenue-by-segment")));
        await ClickAsync(page, "#revenue-by-segment th:nth-child(1) button");
        Assert.Equal("SMB|Enterprise|Consumer", await page.TextAsync(FirstCells("revenue-by-segment")));
        await ClickAsync(page, "#revenue-by-segment th:nth-child(2) button");
        Assert.Equal("Enterprise|SMB|Consumer", await page.TextAsync(FirstCells("revenue-by-segment")));
        await ClickAsync(page, "#revenue-by-segment th:nth-child(2) button");
        Assert.Equal("Consumer|SMB|Enterprise", await page.TextAsync(FirstCells("revenue-by-segment")));
        Assert.Equal("ascending", await page.TextAsync("document.querySelector('#revenue-by-segment th:nth-child(2)').getAttribute('aria-sort')"));
        await AssertCleanAsync(page);
    }

    [ChromiumFact]
    public async Task Export_WritesTheTableAsCsv_WithFormulasGuarded()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomers([new Customer("C1", "=HYPERLINK(\"x\")"), new Customer("C2", "</script><!--")])
            .AddProducts([new Product("P1", "A", 10m), new Product("P2", "B", 2.5m)])
            .AddTransactions([DashboardDocumentTests.Line("1", "C1", "P1", 2), DashboardDocumentTests.Line("2", "C2", "P2", -1)])
            .Build();
        var downloads = Directory.CreateDirectory(Path.Combine(_folder.FullName, "downloads")).FullName;
        await using var page = await OpenAsync(DashboardDocument.FromDataset(dataset), downloads: downloads);

        var since = page.EventCount;
        await ClickAsync(page, "#revenue-by-segment .table-tools button");
        await page.WaitForDownloadAsync(since);

        var csv = await File.ReadAllTextAsync(Path.Combine(downloads, "revenue-by-segment.csv"));
        Assert.Equal("Segment,Revenue,Orders,Customers,Units\n\"'=HYPERLINK(\"\"x\"\")\",20.00,1,1,2\n</script><!--,-2.50,1,1,-1\n", csv);
        Assert.Equal("All segments|</script><!--|=HYPERLINK(\"x\")", await page.TextAsync("[...document.querySelectorAll('#filter-segment option')].map(o => o.textContent).join('|')"));
        await AssertCleanAsync(page);
    }

    [ChromiumFact]
    public async Task DrillDown_SegmentToCustomersToOrders()
    {
        await using var page = await OpenSeedAsync();

        await ClickAsync(page, "#revenue-by-segment tbody tr:nth-child(3) td:first-child button");
        Assert.Equal("Customers of Consumer", await page.TextAsync("document.querySelector('#drill-down h2').textContent"));
        Assert.Equal("C001 3 298.96 5 2024-03-05|C004 1 19.99 1 2024-03-04", await page.TextAsync(Rows("drill-down")));

        await ClickAsync(page, "#drill-down tbody tr:first-child button");
        Assert.Equal("Orders of C001", await page.TextAsync("document.querySelector('#drill-down h2').textContent"));
        Assert.Equal("6 2024-03-05 59.98 2 Accessories|1 2024-03-01 39.98 2 Accessories|2 2024-03-01 199.00 1 Software", await page.TextAsync(Rows("drill-down")));
        await AssertCleanAsync(page);
    }

    [ChromiumFact]
    public async Task DrillDown_PastMaxDrillDownRows_ShowsTheCapAndSaysSo()
    {
        var options = DashboardOptions.Default with { MaxDrillDownRows = 1 };
        await using var page = await OpenAsync(DashboardDocument.FromDataset(Seed.Dataset(), options), options);

        await ClickAsync(page, "#revenue-by-segment tbody tr:nth-child(3) td:first-child button");

        Assert.Equal("C001 3 298.96 5 2024-03-05", await page.TextAsync(Rows("drill-down")));
        Assert.Equal("2 rows; showing the first 1 (MaxDrillDownRows).", await page.TextAsync("document.querySelector('#drill-down p').textContent"));
        await AssertCleanAsync(page);
    }

    [ChromiumFact]
    public async Task ScriptsDisabled_TheStaticViewRemains()
    {
        await using var page = await OpenAsync(DashboardDocument.FromDataset(Seed.Dataset()), scripts: false);

        Assert.Equal("Customers=4; Orders=7; Revenue=1,474.92; Average order value=210.70", await page.TextAsync(Cards));
        Assert.Equal("Enterprise 597.00 1 1 3|SMB 558.97 2 1 4|Consumer 318.95 4 2 6", await page.TextAsync(Rows("revenue-by-segment")));
        Assert.Equal("true", await page.TextAsync("String(document.getElementById('filters').hidden && document.getElementById('filters').offsetParent === null)"));
        Assert.Equal("0", await page.TextAsync("String(document.querySelectorAll('button, .card-change').length)"));
        Assert.Empty(page.Problems);
    }

    [ChromiumFact]
    public async Task Phone_390PixelsWide_TheBodyDoesNotScrollSideways()
    {
        await using var page = await OpenAsync(DashboardDocument.FromDataset(Seed.Dataset()), width: 390);

        Assert.Equal(390, (await page.EvaluateAsync("document.documentElement.clientWidth"))!.GetValue<int>());
        Assert.Equal(390, (await page.EvaluateAsync("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"))!.GetValue<int>());
        var png = Path.Combine(_folder.FullName, "phone.png");
        await File.WriteAllBytesAsync(png, await page.ScreenshotAsync());
        Assert.Equal(390, Png.Read(png).Width);
        await AssertCleanAsync(page);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static string FirstCells(string section) =>
        $"[...document.querySelectorAll('#{section} tbody tr')].map(r => r.cells[0].textContent).join('|')";

    private static async Task ClickAsync(DevToolsPage page, string selector) =>
        _ = await page.EvaluateAsync($"(() => {{ document.querySelector('{selector}').click(); return true; }})()");

    private Task<DevToolsPage> OpenSeedAsync() => OpenAsync(DashboardDocument.FromDataset(Seed.Dataset()));

    private async Task<DevToolsPage> OpenAsync(DashboardDocument document, DashboardOptions? options = null, bool scripts = true, string? downloads = null, int width = 1280)
    {
        var html = Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N") + ".html");
        DashboardWriter.Write(document, html, options);
        var page = await DevToolsPage.OpenAsync(width, 900, scripts, downloads);
        await page.LoadAsync(html);
        return page;
    }
}
