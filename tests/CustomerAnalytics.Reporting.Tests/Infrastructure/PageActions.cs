using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Reporting.Tests.Infrastructure;

/// <summary>What the browser tests do on a dashboard page: open a document, read a section's rows or chart text, set a
/// filter, check the page stayed clean; and the seed's filtered data to compare with.</summary>
internal static class PageActions
{
    /// <summary>Writes <paramref name="document"/> into <paramref name="folder"/> and opens it in Chromium at the given width.</summary>
    public static async Task<DevToolsPage> OpenDocumentAsync(DirectoryInfo folder, DashboardDocument document, int width, bool scripts = true)
    {
        var html = Path.Combine(folder.FullName, Guid.NewGuid().ToString("N") + ".html");
        DashboardWriter.Write(document, html);
        var page = await DevToolsPage.OpenAsync(width, 900, scripts);
        await page.LoadAsync(html);
        return page;
    }

    /// <summary>A script giving the texts of a section's chart, joined by <c>|</c>.</summary>
    public static string ChartText(string section) =>
        $"[...document.querySelectorAll('#{section} svg.chart text')].map(t => t.textContent).join('|')";

    /// <summary>The seed with only the transactions <paramref name="keep"/> accepts (every customer and product kept): the filtered data.</summary>
    public static EnrichedDataset SeedSubset(Func<Model.Transaction, bool> keep) =>
        new EnrichedDatasetBuilder().AddCustomers(Seed.Customers).AddProducts(Seed.Products).AddTransactions(Seed.Transactions.Where(keep)).Build();

    /// <summary>A script giving a section's table rows, cells joined by a space and rows by <c>|</c>.</summary>
    public static string Rows(string section) =>
        $"[...document.querySelectorAll('#{section} tbody tr')].map(r => [...r.cells].map(c => c.textContent).join(' ')).join('|')";

    /// <summary>Sets a filter input (by id) and sends its <c>change</c> event, as a user's choice does.</summary>
    public static async Task SetAsync(DevToolsPage page, string id, string value) =>
        _ = await page.EvaluateAsync($"(() => {{ const e = document.getElementById('{id}'); e.value = '{value}'; e.dispatchEvent(new Event('change')); return e.value; }})()");

    /// <summary>Asserts that the page reported no CSP violation, console message or exception.</summary>
    public static async Task AssertCleanAsync(DevToolsPage page)
    {
        Assert.Empty(await page.ViolationsAsync());
        Assert.Empty(page.Problems);
    }
}
