using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;
using CustomerAnalytics.Pipeline;
using CustomerAnalytics.Reporting.Tests.Infrastructure;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Reporting.Tests;

/// <summary>The "complete" sections (RFM customers, lifetime value, recommendations, cohort heat map) in a real headless
/// Chromium: figures on the seed and on a generated data set, a 390-px phone without sideways page scroll, no console
/// message or CSP violation, and the static view with scripts off.</summary>
public sealed class DashboardCompleteBrowserTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-complete-");

    [ChromiumFact]
    public async Task Seed_RfmCustomersAndRecommendations_ShownWithScriptsOnAndOff()
    {
        var document = DashboardDocument.FromRun(AnalyticsPipeline.Analyze(Seed.Dataset()));
        foreach (var scripts in new[] { true, false })
        {
            await using var page = await OpenAsync(document, scripts, 1400);

            Assert.Equal(
                "Hibernating C003 114 2024-03-03 4 1 597.00|Hibernating C004 211 2024-03-04 3 1 19.99|Loyal C001 342 2024-03-05 2 3 298.96|Potential Loyalists C002 433 2024-03-06 1 2 558.97",
                await page.TextAsync(Rows("rfm-customers")));
            Assert.Equal("Consumer C001 298.96 P300", await page.TextAsync(Rows("recommendations-by-segment") + ".split('|')[0].split(' top')[0]"));
            Assert.StartsWith("Customer lifetime value: Lifetime value was not computed", await page.TextAsync("document.getElementById('lifetime-value').textContent"), StringComparison.Ordinal);
            Assert.Empty(await page.ViolationsAsync());
            Assert.Empty(page.Problems);
        }
    }

    [ChromiumFact]
    public async Task Generated_LifetimeValueFigures_AndThePhoneDoesNotScrollSideways()
    {
        var run = AnalyticsPipeline.Analyze(Generated());
        var document = DashboardDocument.FromRun(run);
        var expected = document.Sections.Single(s => s.Id == "lifetime-value");
        Assert.NotNull(run.Clv);
        await using var page = await OpenAsync(document, scripts: true, width: 390);

        Assert.Equal(string.Join(" ", expected.Table!.Rows[0]), await page.TextAsync(Rows("lifetime-value") + ".split('|')[0]"));
        Assert.Equal(20, (await page.EvaluateAsync("document.querySelectorAll('#lifetime-value tbody tr').length"))!.GetValue<int>());
        Assert.Equal(document.Sections.Single(s => s.Id == "probability-alive").Description, await page.TextAsync("document.querySelector('#probability-alive p').textContent"));
        Assert.Equal(390, (await page.EvaluateAsync("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"))!.GetValue<int>());
        Assert.Equal("true", await page.TextAsync("String((b => b.scrollWidth > b.clientWidth)(document.querySelector('#cohort-retention .heat-scroll')))"));
        Assert.Empty(await page.ViolationsAsync());
        Assert.Empty(page.Problems);
    }

    [ChromiumFact]
    public async Task Filtered_SegmentBars_PastMaxChartBars_FoldIntoAGreyOther()
    {
        var options = DashboardOptions.Default with { MaxChartBars = 2 };
        var html = Path.Combine(_folder.FullName, "bars.html");
        DashboardWriter.Write(DashboardDocument.FromDataset(Seed.Dataset(), options), html, options);
        await using var page = await DevToolsPage.OpenAsync(1400, 900, scripts: true);
        await page.LoadAsync(html);

        _ = await page.EvaluateAsync("(() => { const e = document.getElementById('filter-category'); e.value = '-1'; e.dispatchEvent(new Event('change')); return true; })()");

        // Enterprise 597.00 stays; SMB 558.97 + Consumer 318.95 = 877.92 fold into Other (2), drawn grey.
        Assert.Equal("Enterprise|597|Other (2)|877.92", await page.TextAsync("[...document.querySelectorAll('#revenue-by-segment svg.chart text')].map(t => t.textContent).join('|')"));
        Assert.Equal("#2563EB|#9CA3AF", await page.TextAsync("[...document.querySelectorAll('#revenue-by-segment svg.chart rect')].map(r => r.getAttribute('fill')).join('|')"));
        Assert.Equal(3, (await page.EvaluateAsync("document.querySelectorAll('#revenue-by-segment tbody tr').length"))!.GetValue<int>());
        Assert.Empty(await page.ViolationsAsync());
        Assert.Empty(page.Problems);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>60 customers in two segments over 2024, customer i buying every (i % 5 + 1) × 20 days from day i, 1 to 3 units
    /// of one of four products: enough repeat buyers for the BG/NBD and Gamma-Gamma fits.</summary>
    internal static EnrichedDataset Generated()
    {
        var builder = new EnrichedDatasetBuilder();
        for (var p = 0; p < 4; p++)
        {
            builder.AddProduct(new Product("G" + p.ToString(CultureInfo.InvariantCulture), p < 2 ? "Food" : "Home", 5m + (p * 7.5m)));
        }

        var start = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var id = 0;
        for (var c = 0; c < 60; c++)
        {
            var customer = "K" + c.ToString("00", CultureInfo.InvariantCulture);
            builder.AddCustomer(new Customer(customer, c % 3 == 0 ? "Trade" : "Retail"));
            for (var day = c; day < 366; day += ((c % 5) + 1) * 20)
            {
                var product = "G" + ((c + day) % 4).ToString(CultureInfo.InvariantCulture);
                builder.AddTransaction(new Transaction((++id).ToString(CultureInfo.InvariantCulture), customer, product, 1 + ((c + day) % 3), start.AddDays(day)));
            }
        }

        return builder.Build();
    }

    private static string Rows(string section) =>
        $"[...document.querySelectorAll('#{section} tbody tr')].map(r => [...r.cells].map(c => c.textContent).join(' ')).join('|')";

    private async Task<DevToolsPage> OpenAsync(DashboardDocument document, bool scripts, int width)
    {
        var html = Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N") + ".html");
        DashboardWriter.Write(document, html);
        var page = await DevToolsPage.OpenAsync(width, 900, scripts);
        await page.LoadAsync(html);
        return page;
    }
}
