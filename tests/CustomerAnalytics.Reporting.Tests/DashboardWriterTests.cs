using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Reporting.Tests;

public sealed partial class DashboardWriterTests
{
    private const string Hostile = "<script>alert(\"x\")</script>";

    [Fact]
    public void Render_Seed_ShowsCardsTablesFiveChartsAndAHeatMap()
    {
        var html = DashboardWriter.Render(DashboardDocument.FromDataset(Seed.Dataset()));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"card\"><div class=\"card-label\">Revenue</div><div class=\"card-value\">1,474.92</div></div>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Enterprise</td><td class=\"num\">597.00</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">3</td></tr>", html, StringComparison.Ordinal);
        Assert.Equal(6, Regex.Count(html, "<svg class=\"chart\""));
        Assert.Equal(8, Regex.Count(html, "<section class=\"panel"));
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileText_IsEscapedEverywhere()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomers([new Customer("C1", "<img src=x onerror=alert(1)>"), new Customer("C2", "Plain")])
            .AddProducts([new Product(Hostile, "A&B \"q\" 'r'", 10m, "</svg><script>bad()</script>"), new Product("P2", "Plain", 1m)])
            .AddTransactions([DashboardDocumentTests.Line("1", "C1", Hostile, 2), DashboardDocumentTests.Line("2", "C2", Hostile, 1), DashboardDocumentTests.Line("3", "C2", "P2", 1)])
            .Build();
        var document = DashboardDocument.FromDataset(dataset, DashboardOptions.Default with { Title = "Shop <b>&</b>" });

        var html = DashboardWriter.Render(document);

        // The page's own two script elements (its data and its script) are the only ones; no value opens another.
        Assert.Equal(2, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
        Assert.Equal(2, Regex.Count(html, "</script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Shop &lt;b&gt;&amp;&lt;/b&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>A&amp;B &quot;q&quot; &#39;r&#39;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;img src=x onerror=alert(1)&gt;</td>", html, StringComparison.Ordinal);

        // Chart labels are escaped by the SVG writer, and every chart is well-formed XML.
        foreach (var svg in Svgs(html))
        {
            _ = XElement.Parse(svg);
        }

        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", Svgs(html)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileTextInASectionLeftOut_IsEscapedInItsLine()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("C1", "S"))
            .AddProduct(new Product("P1", "\"><svg onload=alert(1)>", 10m))
            .AddTransaction(DashboardDocumentTests.Line("1", "C1", "P1", 1))
            .Build();

        var html = DashboardWriter.Render(DashboardDocument.FromDataset(dataset));

        Assert.DoesNotContain("<svg onload", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"revenue-by-category\"><strong>Revenue by category</strong>: Every product has the same category (&quot;&gt;&lt;svg onload=alert(1)&gt;).</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ControlCharacters_BecomeReplacementCharacter()
    {
        var document = new DashboardDocument("T\u0001", null, [new("a\u0000b", "1")], []);

        var html = DashboardWriter.Render(document);

        Assert.Contains("<title>T\uFFFD</title>", html, StringComparison.Ordinal);
        Assert.Contains(">a\uFFFDb<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ContentSecurityPolicy_AllowsOnlyTheOwnStyleSheet()
    {
        var html = DashboardWriter.Render(DashboardDocument.FromDataset(Seed.Dataset()));

        var style = StyleElement().Match(html).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        Assert.Equal(
            $"default-src 'none'; script-src 'sha256-{ScriptHash(html)}'; style-src 'sha256-{hash}'; img-src data:; base-uri 'none'; form-action 'none'",
            DashboardWriter.ContentSecurityPolicy);
        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{DashboardWriter.ContentSecurityPolicy}\">", html, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, "<style>"));
    }

    [Fact]
    public void Render_Seed_LoadsNothingFromOutside()
    {
        var html = DashboardWriter.Render(DashboardDocument.FromDataset(Seed.Dataset()));

        var addresses = Address().Matches(html).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["http://www.w3.org/2000/svg"], addresses);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameDocumentTwice_SameBytesAndUniqueIds()
    {
        var document = DashboardDocument.FromDataset(Seed.Dataset());

        var first = DashboardWriter.Render(document);
        var second = DashboardWriter.Render(document);

        Assert.Equal(first, second);
        var ids = IdAttribute().Matches(first).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("revenue-by-segment-svg-1", ids);
        foreach (Match reference in UrlReference().Matches(first))
        {
            Assert.Contains(reference.Groups[1].Value, ids);
        }
    }

    [Fact]
    public void Render_GeneratedAt_InFooterAsUtc()
    {
        var document = DashboardDocument.FromDataset(Seed.Dataset(), DashboardOptions.Default with { GeneratedAt = new DateTimeOffset(2024, 3, 7, 1, 2, 3, TimeSpan.FromHours(2)) });

        var html = DashboardWriter.Render(document);

        Assert.Contains("<footer>Generated by CustomerAnalytics from data of 2024-03-06T23:02:03Z.</footer>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ExtraSection_RenderedAfterStandardOnes()
    {
        var document = DashboardDocument.FromDataset(Seed.Dataset());
        var tiers = new DashboardSection(
            "loyalty-tiers",
            "Loyalty <tiers>",
            "Customers by loyalty tier.",
            new DashboardChart(DashboardChartKind.HorizontalBars, ["Champions", "At Risk"], [3m, 1m], "Customers"),
            new DashboardTable([new("Segment"), new("Customers", true)], [["Champions", "3"], ["At Risk", "1"]]));

        var html = DashboardWriter.Render(document with { Sections = document.Sections.Add(tiers) });

        Assert.Contains("<section class=\"panel\" id=\"loyalty-tiers\" aria-labelledby=\"loyalty-tiers-title\">\n<h2 id=\"loyalty-tiers-title\">Loyalty &lt;tiers&gt;</h2>\n<p>Customers by loyalty tier.</p>\n<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>At Risk</td><td class=\"num\">1</td></tr>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("id=\"loyalty-tiers\"", StringComparison.Ordinal) > html.IndexOf("id=\"rfm-segments\"", StringComparison.Ordinal));
        Assert.Equal(7, Regex.Count(html, "<svg class=\"chart\""));
    }

    [Fact]
    public void Render_HeatMap_ShadesCellsInTenSteps()
    {
        var table = new DashboardTable([new("Cohort"), new("M0", true), new("M1", true), new("M2", true)], [["2024-01", "0%", "55%", "100%"]], [[null, 0.0, 0.55, 1.0]]);

        var html = DashboardWriter.Render(new DashboardDocument("T", null, [], [new DashboardSection("heat", "Heat", Table: table)]));

        Assert.Contains("<tr><td>2024-01</td><td class=\"num h0\">0%</td><td class=\"num h5\">55%</td><td class=\"num h9\">100%</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HeatMapOfWrongShape_Throws()
    {
        var table = new DashboardTable([new("A"), new("B")], [["1", "2"]], [[0.5]]);

        var error = Assert.Throws<ArgumentException>(() => DashboardWriter.Render(new DashboardDocument("T", null, [], [new DashboardSection("heat", "Heat", Table: table)])));

        Assert.StartsWith("Invalid dashboard document: section 'heat': the heat map must have one value (or null) per cell.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SectionWithoutData_LeftOutWithOneLineSayingWhy()
    {
        // Issue 15: empty sections were drawn as panels saying "No data."; they are now listed in one line each.
        var html = DashboardWriter.Render(new DashboardDocument("T", null, [], [new DashboardSection("empty", "Nothing"), new DashboardSection("same", "Categories", "Every product has the same <category>.")]));

        Assert.DoesNotContain("class=\"panel", html, StringComparison.Ordinal);
        Assert.Contains(
            "<section class=\"not-shown\" aria-labelledby=\"not-shown-title\">\n<h2 id=\"not-shown-title\">Not shown</h2>\n<ul>\n"
            + "<li id=\"empty\"><strong>Nothing</strong>: no data.</li>\n<li id=\"same\"><strong>Categories</strong>: Every product has the same &lt;category&gt;.</li>\n</ul>\n</section>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Render_InvalidSections_ListsEveryProblem()
    {
        ImmutableArray<DashboardSection> sections =
        [
            new("ok", "A"),
            new("ok", "B"),
            new("Bad Id", "C"),
            new("chart", "D", Chart: new DashboardChart(DashboardChartKind.VerticalBars, ["a", "b"], [1m], "v")),
            new("table", "E", Table: new DashboardTable([new("x")], [["1"], ["1", "2"]])),
        ];

        var error = Assert.Throws<ArgumentException>("document", () => DashboardWriter.Render(new DashboardDocument("T", null, [], sections)));

        Assert.StartsWith(
            "Invalid dashboard document: section id 'ok' is used twice; section id 'Bad Id' must be lower-case letters, digits and hyphens, starting with a letter; "
            + "section 'chart': the chart has 2 labels but 1 values; section 'table': table row 2 has 2 cells for 1 columns.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_CreatesFolderAndWritesUtf8WithoutBom()
    {
        var folder = Directory.CreateTempSubdirectory("ca-dashboard-");
        try
        {
            var path = Path.Combine(folder.FullName, "nested", DashboardWriter.DefaultFileName);
            var document = DashboardDocument.FromDataset(Seed.Dataset());

            await DashboardWriter.WriteAsync(document, path);

            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal((byte)'<', bytes[0]);
            Assert.Equal(DashboardWriter.Render(document), Encoding.UTF8.GetString(bytes));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    internal static string[] Svgs(string html) => [.. SvgElement().Matches(html).Select(m => m.Value)];

    [GeneratedRegex("<svg class=\"chart\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();

    internal static string ScriptHash(string html) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(ScriptElement().Match(html).Groups[1].Value)));

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptElement();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex("https?://[^\"' )]+")]
    private static partial Regex Address();

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("url\\(#([^)]+)\\)")]
    private static partial Regex UrlReference();
}
