using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Tests.Infrastructure;
using MathNet.Numerics;

namespace CustomerAnalytics.Tests.Lifetime;

/// <summary><see cref="LifetimeFitOptions.Penalizer"/> and the <c>TryFit</c> results of both lifetime models.</summary>
public sealed class LifetimeFitTests
{
    private static readonly LifetimeFitOptions Penalized = new() { Penalizer = 0.1 };

    [SharedDataFact(Cdnow.SamplePath)]
    public void BgNbdTryFit_CdnowPenalized_ShrinksEveryParameterAsLifetimesTests()
    {
        // lifetimes' test_penalizer_term_will_shrink_coefs_to_0 (tests/test_estimation.py): on CDNOW every parameter at
        // penalizer_coef = 0.1 is below the unpenalized fit, and every one at 10 below those at 0.1.
        var summary = Cdnow.Summary();
        var plain = BgNbdModel.Fit(summary);
        var tenth = BgNbdModel.TryFit(summary, Penalized);
        var ten = BgNbdModel.TryFit(summary, new LifetimeFitOptions { Penalizer = 10 });

        Assert.True(tenth.Converged);
        Assert.True(ten.Converged);
        Assert.All(Zip(Parameters(tenth.Model), Parameters(plain)), p => Assert.True(p.Left < p.Right, $"{p.Left} ≥ {p.Right}"));
        Assert.All(Zip(Parameters(ten.Model), Parameters(tenth.Model)), p => Assert.True(p.Left < p.Right, $"{p.Left} ≥ {p.Right}"));

        // This fit's values at 0.1 (a regression pin, 1e-3 relative; the objective check below is what proves them).
        Assert.Equal([0.23095, 4.2193, 0.12866, 0.26713], Parameters(tenth.Model), (e, a) => Math.Abs(e - a) <= 1e-3 * e);
        Assert.Null(tenth.Reason);
    }

    [SharedDataFact(Cdnow.SamplePath)]
    public void BgNbdTryFit_CdnowPenalized_IsTheMinimumOfLifetimesObjective()
    {
        // lifetimes' BetaGeoFitter._negative_log_likelihood: −Σ ln Lᵢ / N + c (r² + α_s² + a² + b²), α_s = α ÷ max T in
        // its scaled time; computed here from the public log-likelihood, independently of the fit's own objective.
        var summary = Cdnow.Summary();
        var maxT = summary.T.Max();
        var fit = BgNbdModel.TryFit(summary, Penalized).Model!;
        double Objective(double[] p) =>
            (-new BgNbdModel(p[0], p[1], p[2], p[3]).LogLikelihoodOf(summary) / summary.Count)
            + (0.1 * ((p[0] * p[0]) + (p[1] / maxT * (p[1] / maxT)) + (p[2] * p[2]) + (p[3] * p[3])));

        AssertLocalMinimum(Objective, Parameters(fit));
        Assert.Equal(fit.LogLikelihood, fit.LogLikelihoodOf(summary), 1e-9);
    }

    [SharedDataFact(Cdnow.SamplePath)]
    public void GammaGammaTryFit_CdnowPenalized_IsTheMinimumOfLifetimesObjective()
    {
        // lifetimes' GammaGammaFitter._negative_log_likelihood, written out: −Σ ln Lᵢ / N + c (p² + q² + v²) over the
        // 946 repeat buyers. At 0.001 it shrinks q and γ (6.25, 3.74, 15.44 unpenalized) and keeps q > 1.
        var summary = Cdnow.Summary();
        var buyers = Enumerable.Range(0, summary.Count).Where(i => summary.Frequency[i] > 0).ToArray();
        const double c = 0.001;
        double Objective(double[] v)
        {
            double p = v[0], q = v[1], g = v[2], sum = 0;
            foreach (var i in buyers)
            {
                double x = summary.Frequency[i], m = (double)summary.MonetaryValue[i];
                sum += SpecialFunctions.GammaLn((p * x) + q) - SpecialFunctions.GammaLn(p * x) - SpecialFunctions.GammaLn(q)
                    + (q * Math.Log(g)) + (((p * x) - 1) * Math.Log(m)) + (p * x * Math.Log(x)) - (((p * x) + q) * Math.Log((x * m) + g));
            }

            return (-sum / buyers.Length) + (c * ((p * p) + (q * q) + (g * g)));
        }

        var fit = GammaGammaModel.TryFit(summary, new LifetimeFitOptions { Penalizer = c });

        Assert.True(fit.Converged);
        Assert.Equal(946, fit.Model.Customers);
        AssertLocalMinimum(Objective, [fit.Model.P, fit.Model.Q, fit.Model.Gamma]);
        Assert.Equal([7.9118, 2.4468, 7.2094], [fit.Model.P, fit.Model.Q, fit.Model.Gamma], (e, a) => Math.Abs(e - a) <= 1e-3 * e);
    }

    [SharedDataFact(Cdnow.SamplePath)]
    public void GammaGammaTryFit_PenalizerPullsQBelowOne_SaysSoWithoutThrowing()
    {
        // The penalty on γ² (γ in dollars) dominates at 0.1: q drops below 1, as lifetimes' q_constraint exists for.
        var fit = GammaGammaModel.TryFit(Cdnow.Summary(), Penalized);

        Assert.False(fit.Converged);
        Assert.Null(fit.Model);
        Assert.Matches(@"^The Gamma-Gamma fit gave q = 0\.33\d+ ≤ 1: spend has no finite mean under the model; the penalty on γ² pulls q down, so lower LifetimeFitOptions.Penalizer \(it is 0\.1\)\.$", fit.Reason);
    }

    [Fact]
    public void BgNbdTryFit_SeedSample_NoMaximumSaysWhyAndFitThrowsTheSame()
    {
        // The seed: 4 customers, 2 of them with one repeat purchase each. Nothing in the data bounds the parameters: the
        // likelihood keeps growing as b → 0 with a, r and α → ∞, a limit that predicts nothing. (Before the fix of ln(b + x − 1)
        // at x = 1, rounding noise stalled the simplex at b → 0 after 20000 iterations; now it ends there in hundreds.)
        var summary = BtydSummary.Create(Seed.Dataset());

        var fit = BgNbdModel.TryFit(summary);

        Assert.False(fit.Converged);
        const string Pattern = @"^The BG/NBD purchase model has no best fit on 4 customers \(2 repeat buyers\): its likelihood keeps growing as r → ∞ \(r = [0-9.]+E\+\d+\) and α → ∞ \(α = [0-9.]+E\+\d+\) and a → ∞ \(a = [0-9.]+E\+\d+\) and b → 0 \(b = [0-9.]+E-\d+\) after \d+ iterations; fit on more customers or set LifetimeFitOptions.Penalizer \(lifetimes suggests 0.001 to 0.1\)\.$";
        Assert.Matches(Pattern, fit.Reason);
        var thrown = Assert.Throws<InvalidOperationException>(() => BgNbdModel.Fit(summary));
        Assert.Equal(fit.Reason, thrown.Message);
    }

    [Fact]
    public void GammaGammaTryFit_SeedSample_BoundaryOptimumIsReportedAndPenalizerBoundsIt()
    {
        // Two repeat buyers of nearly equal spend (59.98, 59.97): the likelihood is highest for spend without variance,
        // q and γ → ∞. A penalizer of 0.001 gives a finite fit (population mean spend pγ/(q − 1) = 71.2).
        var summary = BtydSummary.Create(Seed.Dataset());

        var plain = GammaGammaModel.TryFit(summary);
        var penalized = GammaGammaModel.TryFit(summary, new LifetimeFitOptions { Penalizer = 0.001 });

        Assert.Matches(@"^The Gamma-Gamma optimum on 2 repeat buyers with positive spend lies at the boundary, q → ∞ \(q = [0-9.]+E\+\d+\) and γ → ∞ \(γ = [0-9.]+E\+\d+\); fit on more customers or set LifetimeFitOptions.Penalizer \(lifetimes suggests 0.001 to 0.1\)\.$", plain.Reason);
        Assert.True(penalized.Converged);
        Assert.Null(penalized.Reason);
        Assert.Equal([15.307, 3.9194, 13.584], [penalized.Model.P, penalized.Model.Q, penalized.Model.Gamma], (e, a) => Math.Abs(e - a) <= 1e-3 * e);
        Assert.Equal(71.22, penalized.Model.MeanSpend, 0.01);
    }

    [Fact]
    public void TryFit_NothingToFitOn_ReasonAndFitThrowsArgumentException()
    {
        var noRepeat = BtydSummary.FromColumns(["a"], [0], [0.0], [3.0], [0m], LifetimeTimeUnit.Weeks);
        var empty = BtydSummary.FromColumns([], [], [], [], [], LifetimeTimeUnit.Weeks);

        Assert.Equal("The summary has no customers to fit on.", BgNbdModel.TryFit(empty).Reason);
        Assert.Equal(
            "The summary has no repeat buyer with a positive mean repeat spend (0 repeat buyers had none); the spend model cannot be fitted.",
            GammaGammaModel.TryFit(noRepeat).Reason);
        Assert.Throws<ArgumentException>("summary", () => BgNbdModel.Fit(empty));
        Assert.Throws<ArgumentException>("summary", () => GammaGammaModel.Fit(noRepeat));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Validate_PenalizerNegativeOrNotFinite_Throws(double penalizer)
    {
        var e = Assert.Throws<ArgumentException>(() => new LifetimeFitOptions { Penalizer = penalizer }.Validate());

        Assert.Equal(
            FormattableString.Invariant($"Invalid LifetimeFitOptions: Penalizer must be a finite number ≥ 0, as 0.01 (was {penalizer})."),
            e.Message);
    }

    private static double[] Parameters(BgNbdModel model) => [model.R, model.Alpha, model.A, model.B];

    private static IEnumerable<(double Left, double Right)> Zip(double[] left, double[] right) => left.Zip(right);

    /// <summary>The objective at <paramref name="at"/> is no higher than with any one parameter moved by ±0.1%.</summary>
    private static void AssertLocalMinimum(Func<double[], double> objective, double[] at)
    {
        var best = objective(at);
        for (var i = 0; i < at.Length; i++)
        {
            foreach (var factor in new[] { 0.999, 1.001 })
            {
                var moved = (double[])at.Clone();
                moved[i] *= factor;
                Assert.True(objective(moved) >= best - 1e-12, FormattableString.Invariant($"moving parameter {i} by {factor} lowers the objective"));
            }
        }
    }
}
