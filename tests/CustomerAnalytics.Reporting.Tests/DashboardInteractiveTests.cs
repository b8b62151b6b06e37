using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Reporting.Tests;

/// <summary>The page's embedded data and script, without a browser (the browser tests drive them).</summary>
public sealed partial class DashboardInteractiveTests
{
    [Fact]
    public void Render_HostileValuesInTheEmbeddedJson_CannotEndTheDataElement()
    {
        const string Id = "</script><script>alert(1)</script>", Segment = "<!--<script>", Category = "</SCRIPT >\u2028&";
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomers([new Customer(Id, Segment), new Customer("C2", "Plain")])
            .AddProducts([new Product("P1", Category, 10m), new Product("P2", "Plain", 1m)])
            .AddTransactions([DashboardDocumentTests.Line("o</script>", Id, "P1", 2), DashboardDocumentTests.Line("2", "C2", "P2", 1)])
            .Build();

        var html = DashboardWriter.Render(DashboardDocument.FromDataset(dataset));

        var json = DataElement().Match(html).Groups[1].Value;
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.True(json.All(char.IsAscii), "The JSON is ASCII only.");
        Assert.Contains("\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E", json, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;
        Assert.Equal([Id, "C2"], root.GetProperty("customers").EnumerateArray().Select(c => c[0].GetString()));
        Assert.Contains(Segment, root.GetProperty("segments").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(Category, root.GetProperty("categories").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("o</script>", root.GetProperty("orders")[0][0].GetString());
        Assert.Equal(2, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void Render_Seed_EmbedsEveryOrderExactly()
    {
        var html = DashboardWriter.Render(DashboardDocument.FromDataset(Seed.Dataset()));

        using var parsed = JsonDocument.Parse(DataElement().Match(html).Groups[1].Value);
        var root = parsed.RootElement;
        Assert.Equal("2024-03-01", root.GetProperty("start").GetString());
        Assert.Equal(6, root.GetProperty("days").GetInt32());
        var orders = root.GetProperty("orders").EnumerateArray().ToArray();
        Assert.Equal(7, orders.Length);

        // Order 1: C001 on day 0, two P100 (Accessories) at 19.99, in ten-thousandths of the currency.
        Assert.Equal("[\"1\",0,0,0,399800,2]", orders[0].GetRawText());
        var revenue = orders.Sum(o => Enumerable.Range(0, (o.GetArrayLength() - 3) / 3).Sum(i => o[3 + (3 * i) + 1].GetInt64()));
        Assert.Equal(14_749_200, revenue);
    }

    [Fact]
    public void Render_Seed_EmbedsEachOrdersProducts_ForTheTopProducts()
    {
        var html = DashboardWriter.Render(DashboardDocument.FromDataset(Seed.Dataset()));

        using var parsed = JsonDocument.Parse(DataElement().Match(html).Groups[1].Value);
        var root = parsed.RootElement;
        Assert.Equal("[[\"P100\",\"\",0],[\"P200\",\"\",2],[\"P300\",\"\",1],[\"P400\",\"\",0]]", root.GetProperty("products").GetRawText());

        // Categories by name (Accessories, Hardware, Software). One product line per order here: P100 ×2 (39.98), P200 (199.00), P300 (499.00), P200 ×3, P100, P400 ×2, P100 ×3.
        Assert.Equal("[[0,399800,2],[1,1990000,1],[2,4990000,1],[1,5970000,3],[0,199900,1],[3,599800,2],[0,599700,3]]", root.GetProperty("productLines").GetRawText());
        Assert.Equal(10, root.GetProperty("topProducts").GetInt32());
        Assert.Equal(12, root.GetProperty("cohortMonths").GetInt32());
        Assert.Equal(24, root.GetProperty("maxCohorts").GetInt32());
        Assert.False(root.TryGetProperty("productsNote", out _));
    }

    [Fact]
    public void Render_MoreOrderLinesThanTheCap_WritesWhyInsteadOfTheProducts()
    {
        var options = DashboardOptions.Default with { MaxEmbeddedOrderLines = 6 };

        var html = DashboardWriter.Render(DashboardDocument.FromDataset(Seed.Dataset(), options), options);

        using var parsed = JsonDocument.Parse(DataElement().Match(html).Groups[1].Value);
        var root = parsed.RootElement;
        Assert.False(root.TryGetProperty("products", out _));
        Assert.False(root.TryGetProperty("productLines", out _));
        Assert.Equal("the top products, which show the whole data (7 order lines, more than MaxEmbeddedOrderLines (6))", root.GetProperty("productsNote").GetString());
        Assert.Equal(7, root.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public void Render_AnOrdersDay_IsItsEarliestLine_AsTheCalculatorsDateIt()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomers([new Customer("C1", "S")])
            .AddProducts([new Product("P1", "A", 1m), new Product("P2", "A", 2m)])
            .AddTransactions([
                new Transaction("1", "C1", "P1", 1, Seed.At("2024-03-03T10:00:00Z"), OrderId: "O1"),
                new Transaction("2", "C1", "P2", 1, Seed.At("2024-03-01T10:00:00Z"), OrderId: "O1"),
                new Transaction("3", "C1", "P1", 2, Seed.At("2024-03-03T11:00:00Z"), OrderId: "O1")])
            .Build();

        var html = DashboardWriter.Render(DashboardDocument.FromDataset(dataset));

        using var parsed = JsonDocument.Parse(DataElement().Match(html).Groups[1].Value);
        var root = parsed.RootElement;
        Assert.Equal("[\"O1\",0,0,0,50000,4]", root.GetProperty("orders")[0].GetRawText());
        Assert.Equal("[[0,30000,3,1,20000,1]]", root.GetProperty("productLines").GetRawText());
    }

    [Fact]
    public void Validate_MaxEmbeddedOrderLines_IsChecked()
    {
        var error = Assert.Throws<ArgumentException>((DashboardOptions.Default with { MaxEmbeddedOrderLines = 5_000_001 }).Validate);

        Assert.Equal("Invalid DashboardOptions: MaxEmbeddedOrderLines must be 0 to 5,000,000 (was 5000001).", error.Message);
    }

    [Fact]
    public void Render_MoreOrdersThanTheCap_IsTheStaticPageWithANote()
    {
        var options = DashboardOptions.Default with { MaxEmbeddedOrders = 6 };

        var html = DashboardWriter.Render(DashboardDocument.FromDataset(Seed.Dataset(), options), options);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"filters\"", html, StringComparison.Ordinal);
        Assert.Contains(
            "<p class=\"note\">Filters are off: the data has 7 orders, more than MaxEmbeddedOrders (6); the page shows the figures of the whole data.</p>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AtTheCap_EmbedsTheOrders()
    {
        var options = DashboardOptions.Default with { MaxEmbeddedOrders = 7 };

        var html = DashboardWriter.Render(DashboardDocument.FromDataset(Seed.Dataset(), options), options);

        Assert.Contains("<script type=\"application/json\" id=\"dashboard-data\">", html, StringComparison.Ordinal);
        Assert.Contains("<div id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"Filters\" hidden></div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NotInteractive_HasNoScriptAndNoNote()
    {
        var options = DashboardOptions.Default with { Interactive = false };

        var html = DashboardWriter.Render(DashboardDocument.FromDataset(Seed.Dataset(), options), options);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"note\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_UsesNoEvalNoMarkupStringsAndNoNetwork()
    {
        var script = DashboardWriter.Script;

        foreach (var banned in new[] { "eval(", "new Function", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "setAttribute('on", "fetch(", "XMLHttpRequest", "</script", "<!--", "style" })
        {
            Assert.DoesNotContain(banned, script, StringComparison.OrdinalIgnoreCase);
        }

        Assert.True(script.Split('\n').Length < 650, "The script (all its files together) stays small.");
    }

    [Fact]
    public void Script_IsItsFilesInOneStrictFunction_EachUnder300Lines()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "src", "CustomerAnalytics.Reporting", "Internal");
        var files = Directory.GetFiles(folder, "dashboard*.js").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(DashboardWriter.ScriptFiles.Order(StringComparer.Ordinal), files);
        Assert.Equal("dashboard.js", DashboardWriter.ScriptFiles[^1]);
        var texts = DashboardWriter.ScriptFiles.Select(f => File.ReadAllText(Path.Combine(folder, f)).ReplaceLineEndings("\n")).ToArray();
        Assert.Equal("(function () {\n'use strict';\n" + string.Concat(texts) + "})();\n", DashboardWriter.Script);
        foreach (var (name, text) in DashboardWriter.ScriptFiles.Zip(texts))
        {
            Assert.True(text.Split('\n').Length <= 300, $"{name} has {text.Split('\n').Length} lines; a file of the script stays under 300.");
        }
    }

    [Fact]
    public void Validate_DrillDownAndEmbeddingLimits_AreChecked()
    {
        var options = DashboardOptions.Default with { MaxEmbeddedOrders = -1, MaxDrillDownRows = 0 };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(
            "Invalid DashboardOptions: MaxEmbeddedOrders must be 0 to 1,000,000 (was -1); MaxDrillDownRows must be 1 to 10,000 (was 0).",
            error.Message);
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"dashboard-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataElement();
}
