using CustomerAnalytics.Lifetime;

namespace CustomerAnalytics.Tests.Lifetime;

/// <summary>
/// The BG/NBD fit at scale (issue 12): on 1M generated customers the optimum lies at a, b → 0 and rounding in
/// ln(b + x − 1) kept BFGS and then the simplex from ever converging. These reproduce it at a small scale.
/// </summary>
public sealed class BgNbdBoundaryFitTests
{
    [Fact]
    public void LogLikelihoodOf_OneRepeatPurchaseAndTinyB_MatchesTheClosedForm()
    {
        // Regression: for x = 1, b + x − 1 was (b + 1) − 1, which keeps b only to 1e-16 absolute (9e-5 relative at
        // b = 1e-12). Closed form for x = 1, r = 1, α = 1: L = α (b/(α+T)² + a/(α+tₓ)²) ÷ (a + b), with T = 5, tₓ = 2.
        const double a = 1e-13, b = 1e-12;
        var summary = SyntheticCustomers.Summary([1], [2.0], [5.0]);

        var ll = new BgNbdModel(1, 1, a, b).LogLikelihoodOf(summary);

        Assert.Equal(Math.Log(((b / 36) + (a / 9)) / (a + b)), ll, 1e-12);
    }

    [Fact]
    public void TryFit_NobodyOrEveryoneDropsOut_OptimumAtABZeroIsAModelThatSaysSo()
    {
        // Seeded customers: Poisson purchases at rates Gamma(0.5, 4 weeks); a tenth drop out after their first repeat
        // purchase (p = 1), the rest never (p = 0). The likelihood is highest as a, b → 0 with a/(a+b) near 0.1.
        var summary = Simulated(3000, seed: 7, (_, i) => i % 10 == 0 ? 1 : 0);

        var fit = BgNbdModel.TryFit(summary);

        Assert.True(fit.Converged, fit.Reason);
        Assert.Matches(@"^The BG/NBD optimum on 3000 customers \(\d+ repeat buyers\) lies at the boundary, a → 0 \(a = [0-9.]+E-\d+\) and b → 0 \(b = [0-9.]+E-\d+\) \(p is 0 or 1: a share a/\(a\+b\) = 0\.\d{4} of customers drop out after their first repeat purchase, the rest never\); fit on more customers \(a penalizer pulls parameters toward 0, so it does not help here\)\.$", fit.Reason);
        Assert.InRange(fit.Model.Evaluations, 1, 300);
    }

    [Fact]
    public void TryFit_SameCustomersReplicated_SameParametersInAboutTheSameIterations()
    {
        // The objective is the per-customer mean, so ten copies of every customer move neither the optimum nor the
        // convergence test (a tolerance on the summed gradient would need ten times the passes, or never stop).
        // Dropout p ~ Beta(1, 3) per customer: an interior optimum.
        var summary = Simulated(400, seed: 3, (random, _) => Beta(random, 1, 3));
        var (x, tx, t) = (summary.Frequency.ToArray(), summary.Recency.ToArray(), summary.T.ToArray());
        var once = BgNbdModel.Fit(summary);
        var tenTimes = BgNbdModel.Fit(SyntheticCustomers.Summary(Repeat(x, 10), Repeat(tx, 10), Repeat(t, 10)));

        Assert.Equal([once.R, once.Alpha, once.A, once.B], [tenTimes.R, tenTimes.Alpha, tenTimes.A, tenTimes.B], (e, a) => Math.Abs(e - a) <= 1e-6 * e);
        Assert.Equal(10 * once.LogLikelihood, tenTimes.LogLikelihood, 1e-6 * Math.Abs(tenTimes.LogLikelihood));
        Assert.InRange(tenTimes.Iterations, once.Iterations - 3, once.Iterations + 3);
        Assert.Equal(4000, tenTimes.Customers);
    }

    private static T[] Repeat<T>(T[] values, int times) => [.. Enumerable.Range(0, times).SelectMany(_ => values)];

    /// <summary>Seeded customers buying at Poisson rates Gamma(0.5, 4 weeks), each dropping out after a purchase with its own p.</summary>
    private static BtydSummary Simulated(int n, int seed, Func<Random, int, double> dropout)
    {
        var random = new Random(seed);
        var x = new int[n];
        var tx = new double[n];
        var t = new double[n];
        for (var i = 0; i < n; i++)
        {
            t[i] = (1 + random.Next(0, 364)) / 7.0;
            var rate = Gamma(random, 0.5) / 4;
            var p = dropout(random, i);
            var time = 0.0;
            while (true)
            {
                time += -Math.Log(1 - random.NextDouble()) / rate;
                if (time > t[i])
                {
                    break;
                }

                x[i]++;
                tx[i] = Math.Round(time, 3);
                if (p >= 1 || (p > 0 && random.NextDouble() < p))
                {
                    break;
                }
            }
        }

        return SyntheticCustomers.Summary(x, tx, t);
    }

    private static double Beta(Random random, double a, double b)
    {
        var g = Gamma(random, a);
        return g / (g + Gamma(random, b));
    }

    /// <summary>A Gamma(shape, 1) draw (Ahrens–Dieter via Gamma(shape + 1) · U^(1/shape), Marsaglia–Tsang).</summary>
    private static double Gamma(Random random, double shape)
    {
        var d = shape + 1 - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Normal(random);
                v = 1 + (c * z);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (Math.Log(u) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v * Math.Pow(random.NextDouble(), 1 / shape);
            }
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
