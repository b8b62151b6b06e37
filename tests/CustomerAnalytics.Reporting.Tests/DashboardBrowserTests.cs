using System.Text.RegularExpressions;
using CustomerAnalytics.Reporting.Tests.Infrastructure;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Reporting.Tests;

/// <summary>Opens the dashboard in a real headless browser (Debian's Chromium): it renders, shows its charts, and logs nothing.</summary>
public sealed class DashboardBrowserTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-browser-");

    [ChromiumFact]
    public void Seed_RendersChartsWithoutConsoleMessages()
    {
        var html = Path.Combine(_folder.FullName, DashboardWriter.DefaultFileName);
        DashboardWriter.Write(DashboardDocument.FromDataset(Seed.Dataset()), html);
        var png = Path.Combine(_folder.FullName, "dashboard.png");

        var shot = HeadlessChromium.Screenshot(html, png, 1280, 1300);
        var dom = HeadlessChromium.DumpDom(html);

        Assert.True(shot.ExitCode == 0, "Chromium failed:\n" + shot.Log);
        Assert.Empty(shot.ConsoleMessages);
        Assert.Empty(dom.ConsoleMessages);

        // The browser parsed five inline charts and the cohort heat map, and the KPI cards.
        Assert.Equal(6, Regex.Count(dom.Output, "<svg class=\"chart\""));
        Assert.Contains("<div class=\"card-value\">1,474.92</div>", dom.Output, StringComparison.Ordinal);
        Assert.Contains("fill=\"#2563EB\"", dom.Output, StringComparison.OrdinalIgnoreCase);

        // The screenshot is not blank, and the first bar colour is painted.
        var bitmap = Png.Read(png);
        Assert.Equal(1280, bitmap.Width);
        var background = bitmap[2, 2];
        int differing = 0, barColoured = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var pixel = bitmap[x, y];
                differing += pixel == background ? 0 : 1;
                barColoured += pixel == 0x2563EB ? 1 : 0;
            }
        }

        var sampled = (bitmap.Width / 2) * (bitmap.Height / 2);
        Assert.True(differing > sampled / 4, $"The page looks blank: {differing} of {sampled} sampled pixels differ from the background.");
        Assert.True(barColoured > 500, $"No chart bars painted: {barColoured} sampled pixels have the first bar colour.");
    }

    [ChromiumFact]
    public void ConsoleCheck_PageBreakingThePolicy_IsCaught()
    {
        // The negative control: the check above would notice a style, script or fetch the policy blocks.
        var html = Path.Combine(_folder.FullName, "bad.html");
        File.WriteAllText(html, $"<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"{DashboardWriter.ContentSecurityPolicy}\"></head>"
            + "<body><p style=\"color:red\">x</p><script>console.log('ran')</script></body></html>");

        var result = HeadlessChromium.DumpDom(html);

        Assert.Equal(2, result.ConsoleMessages.Length);
        Assert.Contains(result.ConsoleMessages, m => m.Contains("Applying inline style violates", StringComparison.Ordinal));
        Assert.Contains(result.ConsoleMessages, m => m.Contains("Executing inline script violates", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
