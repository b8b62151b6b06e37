using System.Collections.Immutable;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Pipeline;
using CustomerAnalytics.Reporting.Internal;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Reporting.Tests;

public sealed class DashboardCompleteTests
{
    [Fact]
    public void FromRun_Seed_RfmCustomersBySegmentHighestSpendFirst()
    {
        var section = Section(DashboardDocument.FromRun(AnalyticsPipeline.Analyze(Seed.Dataset())), "rfm-customers");

        Assert.Equal(["Segment", "Customer", "RFM score", "Last purchase", "Days since", "Orders", "Spend"], section.Table!.Columns.Select(c => c.Header));
        Assert.Equal(
            [
                ["Hibernating", "C003", "114", "2024-03-03", "4", "1", "597.00"],
                ["Hibernating", "C004", "211", "2024-03-04", "3", "1", "19.99"],
                ["Loyal", "C001", "342", "2024-03-05", "2", "3", "298.96"],
                ["Potential Loyalists", "C002", "433", "2024-03-06", "1", "2", "558.97"],
            ],
            Cells(section));
    }

    [Fact]
    public void FromRun_Seed_RecommendationsSamplePerSegment()
    {
        var section = Section(DashboardDocument.FromRun(AnalyticsPipeline.Analyze(Seed.Dataset())), "recommendations-by-segment");

        Assert.Equal(
            [
                ["Consumer", "C001", "298.96", "P300", "top seller: 1 unit, 499.00 revenue"],
                ["Consumer", "C004", "19.99", "P200, P400, P300", "top seller in your segment's favourite category, Software"],
                ["Enterprise", "C003", "597.00", "P300, P100, P400", "top seller: 1 unit, 499.00 revenue"],
                ["SMB", "C002", "558.97", "P400, P200", "top seller in your segment's 2nd favourite category, Accessories"],
            ],
            Cells(section));
    }

    [Fact]
    public void FromRun_Seed_LifetimeValueLeftOutWithTheRunsReason()
    {
        var run = AnalyticsPipeline.Analyze(Seed.Dataset());
        var document = DashboardDocument.FromRun(run);

        Assert.NotNull(run.ClvNote);
        Assert.Equal((null, null, run.ClvNote), (Section(document, "lifetime-value").Chart, Section(document, "lifetime-value").Table, Section(document, "lifetime-value").Description));
        Assert.Equal(run.ClvNote, Section(document, "probability-alive").Description);
        Assert.Contains("<li id=\"lifetime-value\"><strong>Customer lifetime value</strong>: Lifetime value was not computed", DashboardWriter.Render(document), StringComparison.Ordinal);
    }

    [Fact]
    public void FromDataset_Seed_RunOnlySectionsSayWhichFactoryHasThem()
    {
        var document = DashboardDocument.FromDataset(Seed.Dataset());

        Assert.Equal(CompleteSections.NeedsRun, Section(document, "lifetime-value").Description);
        Assert.Equal(CompleteSections.NeedsRunForRecommendations, Section(document, "recommendations-by-segment").Description);
        Assert.Equal(4, Section(document, "rfm-customers").Table!.Rows.Length);
    }

    [Fact]
    public void LifetimeValue_HandBuiltResult_BandsTopCustomersAndPAlive()
    {
        // Values 0, 10, 25, 100: the 95th percentile is the value at index (int)(0.95 × 3) = 2, 25 → nine bands of ceil(25 / 9) = 3
        // up to 27: 0 in [0,3), 10 in [9,12), 25 in [24,27), and 100 in the open band ≥27.
        ImmutableArray<CustomerClv> customers =
        [
            new("A", 0, 0, 10, 0m, 0.05, 0.10, 20m, 0m),
            new("B", 1, 5, 10, 10m, 0.55, 1.25, 10m, 10m),
            new("C", 2, 8, 10, 12.5m, 0.95, 2.00, 12.5m, 25m),
            new("D", 4, 9, 10, 25m, 0.99, 4.00, 25m, 100m),
        ];
        var clv = new ClvResult(ClvOptions.Default, customers, 135m, 1, 0);
        var sections = new CompleteSections(Format.Invariant);

        var value = sections.LifetimeValue(clv, null);
        var alive = sections.ProbabilityAlive(clv, null);

        Assert.Equal(["0–3", "3–6", "6–9", "9–12", "12–15", "15–18", "18–21", "21–24", "24–27", "≥27"], value.Chart!.Labels.AsEnumerable());
        Assert.Equal([1m, 0m, 0m, 1m, 0m, 0m, 0m, 0m, 1m, 1m], value.Chart.Values.AsEnumerable());
        Assert.Equal(
            [
                ["D", "100.00", "99.0%", "4.00", "4", "25.00"],
                ["C", "25.00", "95.0%", "2.00", "2", "12.50"],
                ["B", "10.00", "55.0%", "1.25", "1", "10.00"],
                ["A", "0.00", "5.0%", "0.10", "0", "0.00"],
            ],
            Cells(value));
        Assert.EndsWith("Total 135.00 for 4 customers.", value.Description, StringComparison.Ordinal);
        Assert.Equal([1m, 0m, 0m, 0m, 0m, 1m, 0m, 0m, 0m, 2m], alive.Chart!.Values.AsEnumerable());
        Assert.Equal("Customers by BG/NBD probability of still buying (P(alive)); mean 63.5%.", alive.Description);
    }

    [Fact]
    public void Render_CohortHeatMap_InItsOwnSidewaysScrollBox()
    {
        var html = DashboardWriter.Render(DashboardDocument.FromDataset(Seed.Dataset()));

        Assert.Contains("<div class=\"heat-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Cohort retention (scrolls sideways)\"><svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains(".heat-scroll{overflow-x:auto;", html, StringComparison.Ordinal);
    }

    private static DashboardSection Section(DashboardDocument document, string id) => document.Sections.Single(s => s.Id == id);

    private static IEnumerable<IEnumerable<string>> Cells(DashboardSection section) => section.Table!.Rows.Select(r => r.AsEnumerable());
}
