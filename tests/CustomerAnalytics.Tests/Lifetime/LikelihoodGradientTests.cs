using System.Globalization;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Lifetime;

/// <summary>The analytic gradients of the BG/NBD and Gamma-Gamma likelihoods, their deterministic parallel sums, and the
/// likelihood passes the gradient fit saves.</summary>
public sealed class LikelihoodGradientTests
{
    /// <summary>Points around and away from CDNOW's optimum: (r, α, a, b).</summary>
    public static TheoryData<double, double, double, double> BgNbdPoints => new()
    {
        { 0.2426, 4.4135, 0.7929, 2.4258 },
        { 1, 1, 1, 1 },
        { 0.05, 30, 3.5, 0.4 },
        { 4, 0.2, 0.1, 12 },
    };

    /// <summary>Points around and away from CDNOW's optimum: (p, q, γ).</summary>
    public static TheoryData<double, double, double> GammaGammaPoints => new()
    {
        { 6.25, 3.74, 15.44 },
        { 1, 1, 1 },
        { 0.3, 12, 200 },
        { 40, 1.5, 0.05 },
    };

    [Theory]
    [MemberData(nameof(BgNbdPoints))]
    public void BgNbdEvaluateWithGradient_EqualsCentralDifferences(double r, double alpha, double a, double b)
    {
        var likelihood = new BgNbdLikelihood(Synthetic(3_000, seed: 11).Rows);
        double[] at = [r, alpha, a, b];
        var gradient = new double[4];

        var value = likelihood.EvaluateWithGradient(r, alpha, a, b, gradient);

        Assert.Equal(likelihood.Evaluate(r, alpha, a, b), value, Math.Abs(value) * 1e-12);
        var numeric = CentralDifferences(v => likelihood.Evaluate(v[0], v[1], v[2], v[3]), at);
        AssertClose(numeric, gradient);
    }

    [Theory]
    [MemberData(nameof(GammaGammaPoints))]
    public void GammaGammaEvaluateWithGradient_EqualsCentralDifferences(double p, double q, double gamma)
    {
        var (x, m) = Spend(3_000, seed: 5);
        var likelihood = new GammaGammaLikelihood(x, m);
        var gradient = new double[3];

        var value = likelihood.EvaluateWithGradient(p, q, gamma, gradient);

        Assert.Equal(likelihood.Evaluate(p, q, gamma), value, Math.Abs(value) * 1e-12);
        AssertClose(CentralDifferences(v => likelihood.Evaluate(v[0], v[1], v[2]), [p, q, gamma]), gradient);
    }

    [Fact]
    public void EvaluateWithGradient_OneOrTwoThreads_SameBits()
    {
        // 40,000 customers: about 30,000 distinct BG/NBD rows (4 chunks) and 40,000 spend rows (3 chunks).
        var rows = Synthetic(40_000, seed: 3).Rows;
        Assert.True(rows.Count > 2 * 8192, rows.Count.ToString(CultureInfo.InvariantCulture));
        var (x, m) = Spend(40_000, seed: 9);
        double[] one = new double[4], two = new double[4], oneSpend = new double[3], twoSpend = new double[3];

        var llOne = new BgNbdLikelihood(rows) { MaxDegreeOfParallelism = 1 }.EvaluateWithGradient(0.24, 4.4, 0.79, 2.4, one);
        var llTwo = new BgNbdLikelihood(rows) { MaxDegreeOfParallelism = 2 }.EvaluateWithGradient(0.24, 4.4, 0.79, 2.4, two);
        var ggOne = new GammaGammaLikelihood(x, m) { MaxDegreeOfParallelism = 1 }.EvaluateWithGradient(6.25, 3.74, 15.44, oneSpend);
        var ggTwo = new GammaGammaLikelihood(x, m) { MaxDegreeOfParallelism = 2 }.EvaluateWithGradient(6.25, 3.74, 15.44, twoSpend);

        Assert.Equal(BitConverter.DoubleToInt64Bits(llOne), BitConverter.DoubleToInt64Bits(llTwo));
        Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), two.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(ggOne), BitConverter.DoubleToInt64Bits(ggTwo));
        Assert.Equal(oneSpend.Select(BitConverter.DoubleToInt64Bits), twoSpend.Select(BitConverter.DoubleToInt64Bits));
    }

    [SharedDataFact(Cdnow.SamplePath)]
    public void Fit_Cdnow_GradientFitNeedsFarFewerPassesThanTheSimplexForTheSameOptimum()
    {
        var summary = Cdnow.Summary();
        var bgnbd = BgNbdModel.Fit(summary);
        var gg = GammaGammaModel.Fit(summary);
        var likelihood = new BgNbdLikelihood(summary.Rows);
        var maxT = summary.T.Max();

        var spend = GammaGammaFit(summary);

        var simplex = LifetimeMath.MaximiseLikelihood(v => likelihood.Evaluate(v[0], v[1], v[2], v[3]), null, [1, 1 / maxT, 1, 1], summary.Count, LifetimeFitOptions.Default);
        var spendSimplex = LifetimeMath.MaximiseLikelihood(v => spend.Evaluate(v[0], v[1], v[2]), null, [1, 1, 1], gg.Customers, LifetimeFitOptions.Default);

        // Measured (net10.0): BG/NBD 217 simplex passes → 65 with the gradient, Gamma-Gamma 187 → 46.
        Assert.True(bgnbd.Evaluations * 3 < simplex.Evaluations, $"BG/NBD: gradient {bgnbd.Evaluations}, simplex {simplex.Evaluations}");
        Assert.True(gg.Evaluations * 3 < spendSimplex.Evaluations, $"Gamma-Gamma: gradient {gg.Evaluations}, simplex {spendSimplex.Evaluations}");
        AssertClose(simplex.Parameters, [bgnbd.R, bgnbd.Alpha, bgnbd.A, bgnbd.B], 1e-5);
        AssertClose(spendSimplex.Parameters, [gg.P, gg.Q, gg.Gamma], 1e-5);
        Assert.True(bgnbd.LogLikelihood >= simplex.LogLikelihood - 1e-9, $"{bgnbd.LogLikelihood} < {simplex.LogLikelihood}");
        Assert.True(gg.LogLikelihood >= spendSimplex.LogLikelihood - 1e-9, $"{gg.LogLikelihood} < {spendSimplex.LogLikelihood}");
    }

    /// <summary>The Gamma-Gamma likelihood of the summary's repeat buyers with positive spend, as the fit builds it.</summary>
    private static GammaGammaLikelihood GammaGammaFit(BtydSummary summary)
    {
        var (x, m, _) = GammaGammaModel.RepeatBuyers(summary);
        return new GammaGammaLikelihood(x, m);
    }

    private static BtydSummary Synthetic(int n, int seed)
    {
        var (x, tx, t) = SyntheticCustomers.Columns(n, seed);
        return SyntheticCustomers.Summary(x, tx, t);
    }

    private static (double[] X, double[] M) Spend(int n, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        var m = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = random.Next(1, 20);
            m[i] = Math.Round(5 + (random.NextDouble() * 120), 2);
        }

        return (x, m);
    }

    /// <summary>∂f/∂vᵢ by central differences with a step of 1e-6 · vᵢ.</summary>
    private static double[] CentralDifferences(Func<double[], double> f, double[] at)
    {
        var result = new double[at.Length];
        for (var i = 0; i < at.Length; i++)
        {
            var h = 1e-6 * at[i];
            var up = (double[])at.Clone();
            var down = (double[])at.Clone();
            up[i] += h;
            down[i] -= h;
            result[i] = (f(up) - f(down)) / (2 * h);
        }

        return result;
    }

    private static void AssertClose(double[] expected, double[] actual, double relative = 1e-5)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = relative * Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, FormattableString.Invariant($"component {i}: expected {expected[i]:R}, got {actual[i]:R}"));
        }
    }
}
