namespace CustomerAnalytics.Reporting.Tests.Infrastructure;

/// <summary>What the browser tests do on a dashboard page: read a section's rows, set a filter, check the page stayed clean.</summary>
internal static class PageActions
{
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
