using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Reporting.Tests;

public sealed class DashboardDocumentTests
{
    [Fact]
    public void FromDataset_Seed_CardsHaveSeedFigures()
    {
        var document = DashboardDocument.FromDataset(Seed.Dataset());

        Assert.Equal(
            [new("Customers", "4"), new("Orders", "7"), new("Revenue", "1,474.92"), new("Average order value", "210.70")],
            document.Cards.AsEnumerable());
        Assert.Equal("7 order lines, 13 units, 4 products in 3 categories", document.Subtitle);
        Assert.Equal("Customer analytics", document.Title);
        Assert.Null(document.GeneratedAt);
    }

    [Fact]
    public void FromDataset_Seed_SectionsInStandardOrder()
    {
        var document = DashboardDocument.FromDataset(Seed.Dataset());

        Assert.Equal(DashboardDocument.StandardSectionIds, document.Sections.Select(s => s.Id));
    }

    [Fact]
    public void FromDataset_Seed_RevenueBySegment()
    {
        var section = Section(DashboardDocument.FromDataset(Seed.Dataset()), "revenue-by-segment");

        Assert.Equal(["Enterprise", "SMB", "Consumer"], section.Chart!.Labels.AsEnumerable());
        Assert.Equal([597.00m, 558.97m, 318.95m], section.Chart.Values.AsEnumerable());
        Assert.Equal(DashboardChartKind.HorizontalBars, section.Chart.Kind);
        Assert.Equal(["Segment", "Revenue", "Orders", "Customers", "Units"], section.Table!.Columns.Select(c => c.Header));
        Assert.Equal(
            [["Enterprise", "597.00", "1", "1", "3"], ["SMB", "558.97", "2", "1", "4"], ["Consumer", "318.95", "4", "2", "6"]],
            Cells(section));
    }

    [Fact]
    public void FromDataset_Seed_RevenueByCategory()
    {
        var section = Section(DashboardDocument.FromDataset(Seed.Dataset()), "revenue-by-category");

        Assert.Equal(
            [["Software", "796.00", "2", "2", "4"], ["Hardware", "499.00", "1", "1", "1"], ["Accessories", "179.92", "4", "3", "8"]],
            Cells(section));
    }

    [Fact]
    public void FromDataset_Seed_TopProductsWithoutNameColumn()
    {
        var section = Section(DashboardDocument.FromDataset(Seed.Dataset()), "top-products");

        Assert.Equal(["Product", "Category", "Revenue", "Units", "Orders", "Buyers"], section.Table!.Columns.Select(c => c.Header));
        Assert.Equal(
            [
                ["P200", "Software", "796.00", "4", "2", "2"],
                ["P300", "Hardware", "499.00", "1", "1", "1"],
                ["P100", "Accessories", "119.94", "6", "3", "3"],
                ["P400", "Accessories", "59.98", "2", "1", "1"],
            ],
            Cells(section));
    }

    [Fact]
    public void FromDataset_TopProductCount_LimitsAndNamesLabelled()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("C1", "S"))
            .AddProducts([new Product("P1", "K", 10m, "Widget"), new Product("P2", "K", 5m), new Product("P3", "K", 1m)])
            .AddTransactions([Line("1", "C1", "P1", 1), Line("2", "C1", "P2", 1), Line("3", "C1", "P3", 1)])
            .Build();

        var document = DashboardDocument.FromDataset(dataset, DashboardOptions.Default with { TopProductCount = 2 });
        var section = Section(document, "top-products");

        Assert.Equal("3 order lines, 3 units, 3 products in 1 category", document.Subtitle);
        Assert.Equal(["P1 · Widget", "P2"], section.Chart!.Labels.AsEnumerable());
        // One category in the data: no Category column repeating it on every row (issue 15).
        Assert.Equal(["Product", "Name", "Revenue", "Units", "Orders", "Buyers"], section.Table!.Columns.Select(c => c.Header));
        Assert.Equal([["P1", "Widget", "10.00", "1", "1", "1"], ["P2", "", "5.00", "1", "1", "1"]], Cells(section));
    }

    [Fact]
    public void FromDataset_Seed_RevenueByMonth()
    {
        var section = Section(DashboardDocument.FromDataset(Seed.Dataset()), "revenue-by-month");

        Assert.Equal(DashboardChartKind.VerticalBars, section.Chart!.Kind);
        Assert.Equal(["Month", "Revenue", "Orders", "Units", "Active customers", "New customers"], section.Table!.Columns.Select(c => c.Header));
        // The data covers 2024-03-01 to 2024-03-06 only: the month is partial (issue 15).
        Assert.Equal([["2024-03 (partial)", "1,474.92", "7", "13", "4", "4"]], Cells(section));
        Assert.Equal([true], section.Chart.Partial.AsEnumerable());
        Assert.Equal("Net revenue per calendar month (UTC); months without sales show as zero. 2024-03 is partial: the data ends on 2024-03-06.", section.Description);
    }

    [Fact]
    public void FromDataset_MonthsWithoutSales_AreZeroAcrossYearEnd()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("C1", "S"))
            .AddProduct(new Product("P1", "K", 2.50m))
            .AddTransactions(
            [
                Line("1", "C1", "P1", 4, "2024-02-29T23:59:59Z"),
                Line("2", "C1", "P1", 2, "2023-12-01T00:00:00Z"),
                Line("3", "C1", "P1", -1, "2024-02-01T00:00:00Z"),
            ])
            .Build();

        var section = Section(DashboardDocument.FromDataset(dataset), "revenue-by-month");

        // February: a purchase (4 units) and a return (−1) in separate orders: revenue 10.00 − 2.50, one order.
        Assert.Equal(
            [["2023-12", "5.00", "1", "2", "1", "1"], ["2024-01", "0.00", "0", "0", "0", "0"], ["2024-02", "7.50", "1", "3", "1", "0"]],
            Cells(section));
        Assert.Equal([5.00m, 0m, 7.50m], section.Chart!.Values.AsEnumerable());
    }

    [Fact]
    public void FromDataset_Seed_TopCategoryPerSegment()
    {
        var section = Section(DashboardDocument.FromDataset(Seed.Dataset()), "top-category-by-segment");

        Assert.Null(section.Chart);
        Assert.Equal(
            [["Consumer", "Software", "199.00"], ["Enterprise", "Software", "597.00"], ["SMB", "Hardware", "499.00"]],
            Cells(section));
    }

    [Fact]
    public void FromDataset_Seed_OneCohortFullyRetainedInItsFirstMonth()
    {
        var section = Section(DashboardDocument.FromDataset(Seed.Dataset()), "cohort-retention");

        Assert.Equal(["Cohort", "Customers", "M0", "M1", "M11"], section.Table!.Columns.Select(c => c.Header).Where((_, i) => i is < 4 or 13));
        Assert.Equal([["2024-03", "4", "100.0%", .. Enumerable.Repeat("", 11)]], Cells(section));
    }

    [Fact]
    public void FromDataset_TwoCohorts_RetentionByMonthSinceAcquisition()
    {
        // A buys in January and February, B in January only, C first in February.
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomers([new Customer("A", "S"), new Customer("B", "S"), new Customer("C", "S")])
            .AddProduct(new Product("P", "K", 1m))
            .AddTransactions(
            [
                Line("1", "A", "P", 1, "2024-01-03T00:00:00Z"),
                Line("2", "B", "P", 1, "2024-01-04T00:00:00Z"),
                Line("3", "A", "P", 1, "2024-02-03T00:00:00Z"),
                Line("4", "C", "P", 1, "2024-02-04T00:00:00Z"),
            ])
            .Build();

        var section = Section(DashboardDocument.FromDataset(dataset, DashboardOptions.Default with { CohortMonths = 2 }), "cohort-retention");

        Assert.Equal(["Cohort", "Customers", "M0", "M1"], section.Table!.Columns.Select(c => c.Header));
        Assert.Equal([["2024-01", "2", "100.0%", "50.0%"], ["2024-02", "1", "100.0%", ""]], Cells(section));
        Assert.Equal([[null, null, 1.0, 0.5], [null, null, 1.0, null]], section.Table.Heat.Select(r => r.ToArray()));
    }

    [Fact]
    public void FromDataset_Seed_RfmSegmentsFromTheCalculator()
    {
        var dataset = Seed.Dataset();
        var expected = RfmCalculator.Compute(dataset).Segments.Where(s => s.Customers > 0).OrderByDescending(s => s.Customers).ThenBy(s => s.Segment).ToArray();

        var section = Section(DashboardDocument.FromDataset(dataset), "rfm-segments");

        Assert.Equal(expected.Length, section.Table!.Rows.Length);
        Assert.Equal(expected.Select(s => (decimal)s.Customers), section.Chart!.Values.AsEnumerable());
        Assert.Equal(4m, section.Chart.Values.Sum());
        Assert.Equal(["Segment", "Customers", "Share", "Revenue", "Revenue share"], section.Table.Columns.Select(c => c.Header));
        Assert.Equal("1,474.92", Format(section.Table.Rows.Sum(r => decimal.Parse(r[3], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture))));
        // The analysis date is the day after the latest order (2024-03-06).
        Assert.StartsWith("Customers by recency × frequency segment, as of 2024-03-07;", section.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RfmSegment.PotentialLoyalists, "Potential Loyalists")]
    [InlineData(RfmSegment.CantLose, "Can't Lose")]
    [InlineData(RfmSegment.AboutToSleep, "About to Sleep")]
    [InlineData(RfmSegment.Champions, "Champions")]
    public void RfmSegmentNames_AreTheUsualOnes(RfmSegment segment, string name) =>
        Assert.Equal(name, Internal.Format.RfmSegment(segment));

    [Fact]
    public void FromDataset_EmptyDataset_ZeroCardsAndSectionsSayingWhyTheyAreEmpty()
    {
        var document = DashboardDocument.FromDataset(new EnrichedDatasetBuilder().Build());

        Assert.Equal(["0", "0", "0.00", "0.00"], document.Cards.Select(c => c.Value));
        Assert.All(document.Sections, s => Assert.Equal((null, null, null, "No orders in the data."), (s.Chart, s.Table, s.HeatMap, s.Description)));
        Assert.Null(document.FirstDate);
    }

    [Fact]
    public void FromRun_PipelineOnSeed_SameSectionsAsFromDatasetBesidesTheRunOnlyOnes()
    {
        var dataset = Seed.Dataset();
        var run = CustomerAnalytics.Pipeline.AnalyticsPipeline.Analyze(dataset);
        string[] runOnly = ["lifetime-value", "probability-alive", "recommendations-by-segment"];

        var fromRun = DashboardDocument.FromRun(run);
        var fromDataset = DashboardDocument.FromDataset(dataset);

        Assert.Equal(fromDataset.Cards.AsEnumerable(), fromRun.Cards.AsEnumerable());
        Assert.Equal(fromDataset.Sections.Where(s => !runOnly.Contains(s.Id)).Select(s => DashboardWriter.Render(fromDataset with { Sections = [s], Interactive = null })), fromRun.Sections.Where(s => !runOnly.Contains(s.Id)).Select(s => DashboardWriter.Render(fromRun with { Sections = [s], Interactive = null })));

        // The run's page embeds its recommendations for the filters too; the dataset's has none to embed.
        Assert.Contains("\"recs\":", fromRun.Interactive!.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"recs\":", fromDataset.Interactive!.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDataset_Null_Throws() =>
        Assert.Throws<ArgumentNullException>("dataset", () => DashboardDocument.FromDataset(null!));

    [Fact]
    public void Options_Invalid_ListsEveryProblem()
    {
        var options = DashboardOptions.Default with { Title = " ", TopProductCount = 0, ChartWidth = 10, ChartHeight = 5000, MaxChartLabelLength = 3, CohortMonths = 0 };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(
            "Invalid DashboardOptions: Title must not be empty; TopProductCount must be at least 1 (was 0); ChartWidth must be 200 to 4000 (was 10); "
            + "ChartHeight must be 120 to 4000 (was 5000); MaxChartLabelLength must be at least 4 (was 3); CohortMonths must be 1 to 60 (was 0).",
            error.Message);
    }

    internal static Transaction Line(string id, string customer, string product, int quantity, string at = "2024-03-01T10:00:00Z") =>
        new(id, customer, product, quantity, Seed.At(at));

    private static string Format(decimal value) => value.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static DashboardSection Section(DashboardDocument document, string id) => document.Sections.Single(s => s.Id == id);

    private static string[][] Cells(DashboardSection section) => [.. section.Table!.Rows.Select(r => r.ToArray())];
}
