using System.Globalization;
using System.Text.RegularExpressions;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;
using CustomerAnalytics.Reporting.Internal;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Reporting.Tests;

/// <summary>Issue 15, readable: currency and culture, the date range, partial periods, sections left out, tables not clipped, accessible markup.</summary>
public sealed class DashboardReadabilityTests
{
    [Theory]
    [InlineData("GBP", 2, "£1,474.92", "£210.70")]
    [InlineData("£", 2, "£1,474.92", "£210.70")]
    [InlineData("CHF", 2, "CHF 1,474.92", "CHF 210.70")]
    [InlineData("JPY", 0, "¥1,475", "¥211")]
    [InlineData("kr ", 1, "kr 1,474.9", "kr 210.7")]
    public void FromDataset_Currency_OnCardsAndTables(string currency, int decimals, string revenue, string averageOrderValue)
    {
        var document = DashboardDocument.FromDataset(Seed.Dataset(), DashboardOptions.Default with { Currency = currency, CurrencyDecimals = decimals });

        Assert.Equal([revenue, averageOrderValue], document.Cards.Skip(2).Select(c => c.Value));
        Assert.Equal(revenue, document.Sections.Single(s => s.Id == "revenue-by-month").Table!.Rows[0][1]);
    }

    [Fact]
    public void FromDataset_Currency_NamedOnTheValueAxis()
    {
        var document = DashboardDocument.FromDataset(Seed.Dataset(), DashboardOptions.Default with { Currency = "GBP" });

        Assert.Equal("Revenue (£)", document.Sections.Single(s => s.Id == "revenue-by-segment").Chart!.ValueAxisLabel);
        Assert.Equal("Customers", document.Sections.Single(s => s.Id == "rfm-segments").Chart!.ValueAxisLabel);
    }

    [Fact]
    public void FromDataset_Culture_GroupAndDecimalSeparators()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.NumberDecimalSeparator = ",";

        var document = DashboardDocument.FromDataset(Seed.Dataset(), DashboardOptions.Default with { Culture = culture, Currency = "EUR" });

        Assert.Equal("€1.474,92", document.Cards[2].Value);
    }

    [Fact]
    public void Money_NegativeAmount_SignBeforeTheSymbol()
    {
        var document = DashboardDocument.FromDataset(ReturnsOnly(), DashboardOptions.Default with { Currency = "USD" });

        Assert.Equal("-$5.00", document.Cards[2].Value);
    }

    [Fact]
    public void Options_InvalidCurrencyAndBars_ListedWithTheOthers()
    {
        var options = DashboardOptions.Default with { MaxChartBars = 1, Currency = "TOOLONGSYM", CurrencyDecimals = 5, Culture = null! };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(
            "Invalid DashboardOptions: MaxChartBars must be 2 to 100 (was 1); Currency must be an ISO 4217 code such as GBP or a symbol of 1 to 8 characters "
            + "without control characters (was 'TOOLONGSYM'); CurrencyDecimals must be 0 to 4 (was 5); Culture must not be null (use CultureInfo.InvariantCulture).",
            error.Message);
    }

    [Fact]
    public void Render_Seed_HeaderShowsTheDataDateRange()
    {
        var document = DashboardDocument.FromDataset(Seed.Dataset());

        var html = DashboardWriter.Render(document);

        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 6), "UTC"), (document.FirstDate, document.LastDate, document.TimeZoneName));
        Assert.Contains("<p class=\"range\">Data from <time datetime=\"2024-03-01\">2024-03-01</time> to <time datetime=\"2024-03-06\">2024-03-06</time> (6 days, UTC).</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDataset_DataStartingAndEndingMidMonth_FirstAndLastMonthsPartial()
    {
        var dataset = Dataset(("C1", "S", "P1", "K", "2024-01-15T10:00:00Z"), ("C1", "S", "P1", "K", "2024-02-10T10:00:00Z"), ("C1", "S", "P1", "K", "2024-03-09T10:00:00Z"));

        var section = DashboardDocument.FromDataset(dataset).Sections.Single(s => s.Id == "revenue-by-month");

        Assert.Equal([true, false, true], section.Chart!.Partial.AsEnumerable());
        Assert.Equal(["2024-01 (partial)", "2024-02", "2024-03 (partial)"], section.Table!.Rows.Select(r => r[0]));
        Assert.Equal(
            "Net revenue per calendar month (UTC); months without sales show as zero. 2024-01 is partial: the data starts on 2024-01-15. 2024-03 is partial: the data ends on 2024-03-09.",
            section.Description);
    }

    [Fact]
    public void FromDataset_OneCategoryAndOneSegment_SectionsLeftOutSayingWhy()
    {
        var dataset = Dataset(("C1", "Retail", "P1", "Unknown", "2024-01-15T10:00:00Z"), ("C2", "Retail", "P2", "Unknown", "2024-01-16T10:00:00Z"));

        var document = DashboardDocument.FromDataset(dataset);
        var html = DashboardWriter.Render(document);

        Assert.Equal(
            [
                ("revenue-by-segment", "Every customer is in the same segment (Retail)."),
                ("revenue-by-category", "Every product has the same category (Unknown)."),
                ("top-category-by-segment", "Every product has the same category (Unknown)."),
                ("lifetime-value", CompleteSections.NeedsRun),
                ("probability-alive", CompleteSections.NeedsRun),
                ("recommendations-by-segment", CompleteSections.NeedsRunForRecommendations),
            ],
            document.Sections.Where(s => s.Chart is null && s.Table is null).Select(s => (s.Id, s.Description)));
        Assert.Contains("<li id=\"revenue-by-category\"><strong>Revenue by category</strong>: Every product has the same category (Unknown).</li>", html, StringComparison.Ordinal);
        Assert.Equal(5, Regex.Count(html, "<section class=\"panel"));
    }

    [Fact]
    public void Render_Seed_TablesNotClippedHeadersScopedCohortPanelWide()
    {
        var html = DashboardWriter.Render(DashboardDocument.FromDataset(Seed.Dataset()));

        Assert.DoesNotContain("max-height", html, StringComparison.Ordinal);
        Assert.Contains(".table-wrap{overflow-x:auto}", html, StringComparison.Ordinal);
        Assert.Equal(Regex.Count(html, "<th[ >]"), Regex.Count(html, "<th scope=\"col\""));
        Assert.Contains("<section class=\"panel wide\" id=\"cohort-retention\" aria-labelledby=\"cohort-retention-title\">", html, StringComparison.Ordinal);
        Assert.Equal(9, Regex.Count(html, "<h2 id=\"[a-z-]+-title\">")); // 8 panels and "Not shown"
        Assert.Equal(6, Regex.Count(html, "<svg [^>]*role=\"img\" aria-labelledby=\"[a-z-]+-1\""));
    }

    [Fact]
    public void Render_ManySegments_ChartFoldsIntoOtherTableKeepsEveryRow()
    {
        var rows = Enumerable.Range(1, 15).Select(i => ($"C{i}", $"S{i:00}", "P1", "K", "2024-01-15T10:00:00Z")).ToArray();

        var html = DashboardWriter.Render(DashboardDocument.FromDataset(Dataset(rows)));

        Assert.Contains(">Other (4)</text>", html, StringComparison.Ordinal);
        Assert.Equal(15, Regex.Count(html, "<tr><td>S\\d\\d</td>"));
    }

    private static EnrichedDataset Dataset(params (string Customer, string Segment, string Product, string Category, string At)[] lines)
    {
        var builder = new EnrichedDatasetBuilder();
        foreach (var customer in lines.Select(l => (l.Customer, l.Segment)).Distinct())
        {
            builder.AddCustomer(new Customer(customer.Customer, customer.Segment));
        }

        foreach (var product in lines.Select(l => (l.Product, l.Category)).Distinct())
        {
            builder.AddProduct(new Product(product.Product, product.Category, 10m));
        }

        var id = 0;
        foreach (var line in lines)
        {
            builder.AddTransaction(DashboardDocumentTests.Line((++id).ToString(CultureInfo.InvariantCulture), line.Customer, line.Product, 1, line.At));
        }

        return builder.Build();
    }

    private static EnrichedDataset ReturnsOnly() => new EnrichedDatasetBuilder()
        .AddCustomer(new Customer("C1", "S"))
        .AddProduct(new Product("P1", "K", 5m))
        .AddTransaction(DashboardDocumentTests.Line("1", "C1", "P1", -1))
        .Build();
}
