using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Lifetime;

public sealed class CalibrationHoldoutCalculatorTests
{
    /// <summary>The CDNOW sample with lifetimes' and the paper's split: calibration to 1997-09-30, holdout to 1998-06-30.</summary>
    internal static BtydSummary CdnowWithHoldout() =>
        BtydSummary.Create(Cdnow.Sample, BtydSummaryOptions.Default with { CalibrationEnd = new DateOnly(1997, 9, 30), ObservationEnd = new DateOnly(1998, 6, 30) });

    [Fact]
    public void Compute_Fixture_GroupsByCalibrationFrequencyWithHandMeans()
    {
        // Calibration to Jan 14, holdout Jan 15–28 (2 weeks). A: x = 1, 2 holdout days; B: x = 0, 1; C: x = 0, 0; D: x = 2, 0.
        var summary = Fixture();
        var model = new BgNbdModel(0.5, 2, 0.8, 2.5);
        double Predicted(string id)
        {
            var i = summary.CustomerIds.IndexOf(id);
            return model.ConditionalExpectedPurchases(2, summary.Frequency[i], summary.Recency[i], summary.T[i]);
        }

        var rows = CalibrationHoldoutCalculator.Compute(summary, model);

        Assert.Equal(2, summary.DurationHoldout, 1e-12);
        Assert.Equal([0, 1, 2], rows.Select(r => r.Frequency));
        Assert.Equal([2, 1, 1], rows.Select(r => r.Customers));
        Assert.Equal([0.5, 2, 0], rows.Select(r => r.ActualPurchases));
        Assert.Equal((Predicted("B") + Predicted("C")) / 2, rows[0].PredictedPurchases, 1e-12);
        Assert.Equal(Predicted("A"), rows[1].PredictedPurchases, 1e-12);
        Assert.Equal(Predicted("D"), rows[2].PredictedPurchases, 1e-12);

        // lifetimes' n: the lowest frequencies present.
        Assert.Equal([0, 1], CalibrationHoldoutCalculator.Compute(summary, model, frequencies: 2).Select(r => r.Frequency));
    }

    [Fact]
    public void Compute_NoHoldout_ThrowsSayingHowToGetOne()
    {
        var summary = BtydSummary.Create(Seed.Dataset());

        var e = Assert.Throws<ArgumentException>("summary", () => CalibrationHoldoutCalculator.Compute(summary, new BgNbdModel(1, 1, 1, 1)));

        Assert.StartsWith("The summary has no holdout period; build it with BtydSummaryOptions.CalibrationEnd and ObservationEnd.", e.Message);
    }

    [SharedDataFact(Cdnow.SamplePath)]
    public void Compute_Cdnow_ModelTracksTheHoldoutByFrequency()
    {
        // 1,411 of the 2,357 customers made no repeat purchase in calibration (946 repeat buyers, Fader, Hardie & Lee 2005).
        var summary = CdnowWithHoldout();
        var rows = CalibrationHoldoutCalculator.Compute(summary, BgNbdModel.Fit(summary));

        Assert.Equal([0, 1, 2, 3, 4, 5, 6], rows.Select(r => r.Frequency));
        Assert.Equal(1411, rows[0].Customers);
        Assert.Equal(rows.Sum(r => r.Customers), summary.Frequency.Count(x => x <= 6));
        // frequency:customers:actual:predicted. The actual means are counts of the data; the predicted ones are this fit's
        // (a regression pin).
        Assert.Equal(
            "0:1411:0.2367:0.2251 1:439:0.6970:0.5231 2:214:1.3925:1.0441 3:100:1.5600:1.5203 4:62:2.5323:2.1639 5:38:2.9474:2.6538 6:29:3.8621:3.5040",
            string.Join(" ", rows.Select(r => FormattableString.Invariant($"{r.Frequency}:{r.Customers}:{r.ActualPurchases:F4}:{r.PredictedPurchases:F4}"))));
    }

    private static BtydSummary Fixture()
    {
        var day = Seed.At("2024-01-01T12:00:00Z");
        var builder = new EnrichedDatasetBuilder()
            .AddCustomers([new("A", "S"), new("B", "S"), new("C", "S"), new("D", "S")])
            .AddProducts([new("P", "K", 10m)]);
        var id = 0;
        foreach (var (customer, days) in new[] { ("A", new[] { 0, 7, 19, 21 }), ("B", [0, 20]), ("C", [2]), ("D", [0, 4, 8]) })
        {
            foreach (var d in days)
            {
                builder.AddTransaction(new Transaction((++id).ToString(System.Globalization.CultureInfo.InvariantCulture), customer, "P", 1, day.AddDays(d)));
            }
        }

        return BtydSummary.Create(builder.Build(), BtydSummaryOptions.Default with { CalibrationEnd = new DateOnly(2024, 1, 14), ObservationEnd = new DateOnly(2024, 1, 28) });
    }
}
