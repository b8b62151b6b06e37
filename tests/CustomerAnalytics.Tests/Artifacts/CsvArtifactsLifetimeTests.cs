using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Tests.Infrastructure;
using CustomerAnalytics.Tests.Kpis;

namespace CustomerAnalytics.Tests.Artifacts;

public sealed class CsvArtifactsLifetimeTests
{
    [Fact]
    public void WritePeriods_Seed_MatchesApproved()
    {
        var text = Approved.Capture(s => CsvArtifacts.WritePeriods(s, CustomerKpiCalculator.ByPeriod(Seed.Dataset(), TimeSeriesOptions.Default with { Period = KpiPeriod.Day })));

        Approved.Verify("seed/kpi_by_period.csv", text);
    }

    [Fact]
    public void WriteCohorts_Shop_MatchesApproved()
    {
        var text = Approved.Capture(s => CsvArtifacts.WriteCohorts(s, CustomerKpiCalculator.Cohorts(CustomerKpiCalculatorTests.Shop())));

        Approved.Verify("lifetime/cohorts.csv", text);
    }

    [Fact]
    public void WriteRfm_Shop_MatchesApproved()
    {
        var rfm = RfmCalculator.Compute(RfmCalculatorTests.Shop(), RfmOptions.Default with { AnalysisDate = new DateOnly(2024, 2, 1) });

        Approved.Verify("lifetime/rfm.csv", Approved.Capture(s => CsvArtifacts.WriteRfm(s, rfm)));
        Approved.Verify("lifetime/rfm_segments.csv", Approved.Capture(s => CsvArtifacts.WriteRfmSegments(s, rfm)));
    }

    [Fact]
    public void WriteClv_Seed_MatchesApproved()
    {
        var summary = BtydSummary.Create(Seed.Dataset(), BtydSummaryOptions.Default with { CalibrationEnd = new DateOnly(2024, 3, 31) });
        var clv = ClvCalculator.Compute(summary, new BgNbdModel(0.2426, 4.4135, 0.7929, 2.4258), new GammaGammaModel(6.25, 3.74, 15.44));

        Approved.Verify("seed/clv.csv", Approved.Capture(s => CsvArtifacts.WriteClv(s, clv)));
    }

    [Fact]
    public void WriteRfm_SameInputTwice_ByteIdentical()
    {
        string Write() => Approved.Capture(s => CsvArtifacts.WriteRfm(s, RfmCalculator.Compute(RfmCalculatorTests.Shop())));

        Assert.Equal(Write(), Write());
    }
}
