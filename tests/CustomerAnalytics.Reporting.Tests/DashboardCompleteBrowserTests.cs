using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Model;
using CustomerAnalytics.Pipeline;
using CustomerAnalytics.Reporting.Tests.Infrastructure;
using CustomerAnalytics.Tests.Infrastructure;
using static CustomerAnalytics.Reporting.Tests.Infrastructure.PageActions;

namespace CustomerAnalytics.Reporting.Tests;

/// <summary>The "complete" sections (RFM customers, lifetime value, recommendations, cohort heat map) in a real headless
/// Chromium: figures on the seed and on a generated data set, a 390-px phone without sideways page scroll, no console
/// message or CSP violation, and the static view with scripts off. They follow the filters: the RFM segments and their
/// customers are computed again on the filtered orders (by hand on the seed, and against the static page of the filtered
/// data), lifetime value and P(alive) count the filtered customers (against the run's model outputs), recommendations
/// pick the filtered customers; and at 390 px every chart is drawn for the phone's width.</summary>
public sealed class DashboardCompleteBrowserTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-complete-");

    [ChromiumFact]
    public async Task Seed_RfmCustomersAndRecommendations_ShownWithScriptsOnAndOff()
    {
        var document = DashboardDocument.FromRun(AnalyticsPipeline.Analyze(Seed.Dataset()));
        foreach (var scripts in new[] { true, false })
        {
            await using var page = await OpenDocumentAsync(_folder, document, 1400, scripts);

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
        await using var page = await OpenDocumentAsync(_folder, document, 390);

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

    [ChromiumFact]
    public async Task CategoryFilter_RfmIsComputedAgainOnTheFilteredOrders()
    {
        await using var page = await OpenDocumentAsync(_folder, DashboardDocument.FromRun(AnalyticsPipeline.Analyze(Seed.Dataset())), 1400);

        await SetAsync(page, "filter-category", "0");

        // Accessories only, as of 2024-03-07: C001 2 orders 99.96 last 03-05, C002 1 order 59.97 last 03-06, C004 1 order
        // 19.99 last 03-04. R (recency 3, 2, 1 days) = 1, 2, 4; F (1, 1, 2) = 1, 1, 4; M = 1, 2, 4 (1 + ⌊5k/3⌋).
        const string Customers = "Promising C002 412 2024-03-06 1 1 59.97|At Risk C001 244 2024-03-05 2 2 99.96|Hibernating C004 111 2024-03-04 3 1 19.99";
        Assert.Equal(Customers, await page.TextAsync(Rows("rfm-customers")));
        Assert.Equal("Promising 1 33.3% 59.97 33.3%|At Risk 1 33.3% 99.96 55.6%|Hibernating 1 33.3% 19.99 11.1%", await page.TextAsync(Rows("rfm-segments")));
        Assert.Equal("Promising|1|At Risk|1|Hibernating|1", await page.TextAsync(ChartText("rfm-segments")));
        Assert.Equal(Customers, StaticRows(SeedSubset(t => t.ProductId is "P100" or "P400"), "rfm-customers"));
        await AssertCleanAsync(page);
    }

    [ChromiumFact]
    public async Task DateRange_RfmAnalysisDayIsTheDayAfterTheRange_AndRecommendationsPickTheCustomersInIt()
    {
        var run = AnalyticsPipeline.Analyze(Seed.Dataset());
        await using var page = await OpenDocumentAsync(_folder, DashboardDocument.FromRun(run), 1400);

        await SetAsync(page, "filter-to", "2024-03-03");

        // 2024-03-01..03, as of 2024-03-04: C001 2 orders 238.98 (3 days), C002 499.00 (2 days), C003 597.00 (1 day):
        // R = 1, 2, 4; F = 4, 1, 1; M = 1, 2, 4.
        const string Customers = "Promising C003 414 2024-03-03 1 1 597.00|At Risk C001 141 2024-03-01 3 2 238.98|Hibernating C002 212 2024-03-02 2 1 499.00";
        Assert.Equal(Customers, await page.TextAsync(Rows("rfm-customers")));
        Assert.Equal(Customers, StaticRows(SeedSubset(t => t.Timestamp < Seed.At("2024-03-04T00:00:00Z")), "rfm-customers"));

        // C004 (first order 03-04) drops out; the spend is the range's. Products and reasons are the model's.
        var expected = new[] { ("Consumer", "C001", "238.98"), ("Enterprise", "C003", "597.00"), ("SMB", "C002", "499.00") }
            .Where(e => HasRecommendations(run, e.Item2))
            .Select(e => $"{e.Item1} {e.Item2} {e.Item3} {Recommended(run, e.Item2)}");
        Assert.Equal(string.Join("|", expected), await page.TextAsync(Rows("recommendations-by-segment")));
        Assert.DoesNotContain("C004", await page.TextAsync(Rows("recommendations-by-segment")), StringComparison.Ordinal);
        await AssertCleanAsync(page);
    }

    [ChromiumFact]
    public async Task SegmentFilter_LifetimeValueAndPAliveCountTheSegmentsCustomers()
    {
        var run = AnalyticsPipeline.Analyze(Generated());
        Assert.NotNull(run.Clv);
        await using var page = await OpenDocumentAsync(_folder, DashboardDocument.FromRun(run), 1400);
        var segment = run.Dataset.Segments.ToList().IndexOf("Trade");

        await SetAsync(page, "filter-segment", segment.ToString(CultureInfo.InvariantCulture));

        var trade = run.Clv.Customers.Where(c => int.Parse(c.CustomerId[1..], CultureInfo.InvariantCulture) % 3 == 0).ToList();
        Assert.Equal(20, trade.Count);
        var top = trade.OrderByDescending(c => c.Clv).ThenBy(c => c.CustomerId, StringComparer.Ordinal).Select(Row);
        Assert.Equal(string.Join("|", top), await page.TextAsync(Rows("lifetime-value")));
        var tenths = Enumerable.Range(0, 10).Select(i => $"{i * 10}–{(i + 1) * 10}%: {trade.Count(c => Math.Clamp((int)(c.ProbabilityAlive * 10), 0, 9) == i)}");
        Assert.Equal(string.Join("|", tenths), await page.TextAsync(BarTitles("probability-alive")));
        Assert.EndsWith($"mean {Percent(trade.Average(c => c.ProbabilityAlive))} (customers passing the filters).", await page.TextAsync("document.querySelector('#probability-alive p').textContent"), StringComparison.Ordinal);
        Assert.EndsWith($"Total {Money(trade.Sum(c => c.Clv))} for 20 customers (those passing the filters).", await page.TextAsync("document.querySelector('#lifetime-value p').textContent"), StringComparison.Ordinal);
        Assert.Equal(20m, (await page.EvaluateAsync(ChartValuesSum("lifetime-value")))!.GetValue<decimal>());

        await SetAsync(page, "filter-segment", "-1");
        var document = DashboardDocument.FromRun(run);
        Assert.Equal(document.Sections.Single(s => s.Id == "probability-alive").Description, await page.TextAsync("document.querySelector('#probability-alive p').textContent"));
        Assert.Equal(run.Clv.Customers.Length, (await page.EvaluateAsync(ChartValuesSum("lifetime-value")))!.GetValue<decimal>());
        await AssertCleanAsync(page);
    }

    [ChromiumFact]
    public async Task Phone_390Pixels_ChartsAreDrawnForTheWidth_TextAtLeast11Pixels()
    {
        await using var page = await OpenDocumentAsync(_folder, DashboardDocument.FromRun(AnalyticsPipeline.Analyze(Generated())), 390);

        Assert.Equal(390, (await page.EvaluateAsync("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"))!.GetValue<int>());

        // Every chart outside the cohort heat map's own scroll box: rendered text size (font size × scale) and right edge.
        const string Charts = "[...document.querySelectorAll('section svg.chart')].filter(s => !s.closest('.heat-scroll'))";
        Assert.Equal(7, (await page.EvaluateAsync(Charts + ".length"))!.GetValue<int>());
        var smallest = (await page.EvaluateAsync(Charts + ".flatMap(s => [...s.querySelectorAll('text')].map(t => t.getBoundingClientRect().height)).reduce((a, b) => Math.min(a, b), 99)"))!.GetValue<double>();
        Assert.True(smallest >= 11, $"The smallest chart text is {smallest} px high at 390 px; at least 11 expected.");
        Assert.Equal(1.0, (await page.EvaluateAsync(Charts + ".map(s => s.getBoundingClientRect().width / s.viewBox.baseVal.width).reduce((a, b) => Math.min(a, b), 1)"))!.GetValue<double>());
        Assert.Equal(0, (await page.EvaluateAsync(Charts + ".filter(s => [...s.querySelectorAll('text')].some(t => t.getBoundingClientRect().right > s.getBoundingClientRect().right + 0.5 || t.getBoundingClientRect().left < s.getBoundingClientRect().left - 0.5)).length"))!.GetValue<int>());

        var png = Path.Combine(_folder.FullName, "phone.png");
        await File.WriteAllBytesAsync(png, await page.ScreenshotAsync());
        Assert.Equal(390, Png.Read(png).Width);
        await AssertCleanAsync(page);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>60 customers in two segments over 2024, customer i buying every (i % 5 + 1) × 20 days from day i, 1 to 3 units
    /// of one of four products: enough repeat buyers for the BG/NBD and Gamma-Gamma fits. <paramref name="keep"/> (given a
    /// transaction and its customer's segment) leaves transactions out, every customer and product kept.</summary>
    internal static EnrichedDataset Generated(Func<Transaction, string, bool>? keep = null)
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
                var line = new Transaction((++id).ToString(CultureInfo.InvariantCulture), customer, product, 1 + ((c + day) % 3), start.AddDays(day));
                if (keep is null || keep(line, c % 3 == 0 ? "Trade" : "Retail"))
                {
                    builder.AddTransaction(line);
                }
            }
        }

        return builder.Build();
    }

    private static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Row(CustomerClv c) =>
        $"{c.CustomerId} {Money(c.Clv)} {Percent(c.ProbabilityAlive)} {c.ExpectedPurchases.ToString("#,0.00", CultureInfo.InvariantCulture)} {c.Frequency} {Money(c.MonetaryValue)}";

    private static bool HasRecommendations(AnalyticsRun run, string customer) => run.Recommendations.Any(r => r.CustomerId == customer && !r.Items.IsDefaultOrEmpty);

    private static string Recommended(AnalyticsRun run, string customer)
    {
        var items = run.Recommendations.Single(r => r.CustomerId == customer).Items.OrderBy(i => i.Rank).ToList();
        return string.Join(", ", items.Take(3).Select(i => i.ProductId)) + " " + items[0].Reason;
    }

    /// <summary>A section's table rows as the static page of <paramref name="dataset"/> writes them.</summary>
    private static string StaticRows(EnrichedDataset dataset, string section) =>
        string.Join("|", DashboardDocument.FromDataset(dataset).Sections.Single(s => s.Id == section).Table!.Rows.Select(r => string.Join(" ", r)));

    /// <summary>Each bar's title (label: value), which every drawn bar carries even where its label is left out for room.</summary>
    private static string BarTitles(string section) =>
        $"[...document.querySelectorAll('#{section} svg.chart rect > title')].map(t => t.textContent).join('|')";

    private static string ChartValuesSum(string section) =>
        $"[...document.querySelectorAll('#{section} svg.chart rect > title')].map(t => Number(t.textContent.split(': ')[1])).reduce((a, b) => a + b, 0)";
}
