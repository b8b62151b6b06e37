using System.Collections.Immutable;
using System.Runtime.InteropServices;
using MathNet.Numerics;

namespace CustomerAnalytics.Lifetime;

/// <summary>
/// The BG/NBD model of repeat purchasing (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy Way"): while
/// alive, a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with probability
/// p ~ Beta(a, b). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Times (t, tₓ, T) are in <see cref="TimeUnit"/>; x is the number of repeat purchases. Formulas and the fitting
/// procedure: <c>docs/kpis.md</c>. Parameters are those of the unit: α scales with it, r, a and b do not.
/// </remarks>
public sealed class BgNbdModel
{
    /// <summary>A model with known parameters.</summary>
    /// <param name="r">The Gamma shape of the purchase rate, &gt; 0.</param>
    /// <param name="alpha">The Gamma scale of the purchase rate (in <paramref name="timeUnit"/>), &gt; 0.</param>
    /// <param name="a">The first Beta parameter of the dropout probability, &gt; 0.</param>
    /// <param name="b">The second Beta parameter of the dropout probability, &gt; 0.</param>
    /// <param name="timeUnit">The unit of α and of all times.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a positive finite number.</exception>
    public BgNbdModel(double r, double alpha, double a, double b, LifetimeTimeUnit timeUnit = LifetimeTimeUnit.Weeks)
    {
        LifetimeMath.Positive(r);
        LifetimeMath.Positive(alpha);
        LifetimeMath.Positive(a);
        LifetimeMath.Positive(b);
        R = r;
        Alpha = alpha;
        A = a;
        B = b;
        TimeUnit = timeUnit;
        LogLikelihood = double.NaN;
    }

    /// <summary>The Gamma shape r of the purchase rate.</summary>
    public double R { get; }

    /// <summary>The Gamma scale α of the purchase rate, in <see cref="TimeUnit"/>.</summary>
    public double Alpha { get; }

    /// <summary>The Beta parameter a of the dropout probability.</summary>
    public double A { get; }

    /// <summary>The Beta parameter b of the dropout probability.</summary>
    public double B { get; }

    /// <summary>The unit of α and of all times.</summary>
    public LifetimeTimeUnit TimeUnit { get; }

    /// <summary>The maximised log-likelihood of a fitted model; NaN for a model made from parameters.</summary>
    public double LogLikelihood { get; private init; }

    /// <summary>The customers the model was fitted on; 0 for a model made from parameters.</summary>
    public int Customers { get; private init; }

    /// <summary>The optimizer's iterations (BFGS with the analytic gradient, or the simplex when BFGS gives up); 0 for a model made from parameters.</summary>
    public int Iterations { get; private init; }

    /// <summary>How many likelihood passes over the customers the fit took; 0 for a model made from parameters.</summary>
    internal int Evaluations { get; private init; }

    /// <summary>Fits the model to a summary by maximum likelihood (penalized when <see cref="LifetimeFitOptions.Penalizer"/> is set).</summary>
    /// <param name="summary">The calibration summary.</param>
    /// <param name="options">Tolerance, iteration limit and penalizer; <see cref="LifetimeFitOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The fitted model, in the summary's time unit.</returns>
    /// <exception cref="ArgumentException">The summary is empty or the options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The optimiser did not converge within <see cref="LifetimeFitOptions.MaxIterations"/>; the message says which parameter ran away.</exception>
    /// <param name="cancellationToken">Checked at each evaluation of the likelihood.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BgNbdModel Fit(BtydSummary summary, LifetimeFitOptions? options = null, CancellationToken cancellationToken = default) =>
        TryFit(summary, options, cancellationToken).ModelOrThrow(nameof(summary));

    /// <summary>
    /// Fits the model as <see cref="Fit"/> does, but returns a fit that cannot be made (no customers, no maximum within
    /// the iterations) as a result with its <see cref="LifetimeFitResult{TModel}.Reason"/> instead of throwing. A fit
    /// whose optimum lies at the boundary (a parameter below 1e-8 or above 1e8) has a model and says so in the reason when
    /// the limit is a proper model: a → 0 when customers hardly drop out, or a and b → 0 together when some drop out
    /// after their first repeat purchase and the rest never; any other boundary (b → 0 alone, a → ∞, r or α) gives no model.
    /// </summary>
    /// <param name="summary">The calibration summary.</param>
    /// <param name="options">Tolerance, iteration limit and penalizer; <see cref="LifetimeFitOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The model, or why there is none.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <param name="cancellationToken">Checked at each evaluation of the likelihood.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static LifetimeFitResult<BgNbdModel> TryFit(BtydSummary summary, LifetimeFitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        options ??= LifetimeFitOptions.Default;
        options.Validate();
        if (summary.Count == 0)
        {
            return new() { Reason = "The summary has no customers to fit on.", NothingToFit = true };
        }

        var maxT = summary.T.Max();
        var likelihood = new BgNbdLikelihood(Rows(summary));
        var fit = LifetimeMath.MaximiseLikelihood(
            v => likelihood.Evaluate(v[0], v[1], v[2], v[3]),
            (v, g) => likelihood.EvaluateWithGradient(v[0], v[1], v[2], v[3], g),
            [1, maxT > 0 ? 1 / maxT : 1, 1, 1], summary.Count, options, cancellationToken);
        var p = fit.Parameters;
        var (boundary, advice) = LifetimeMath.Boundary(p, "r", "α", "a", "b");
        var data = FormattableString.Invariant($"{summary.Count} customers ({summary.RepeatBuyers} repeat buyers)");
        if (!fit.Converged || (boundary is not null && options.Penalizer == 0 && !BgNbdBoundary.IsProperLimit(p)))
        {
            var why = boundary is null ? "it did not converge" : "its likelihood keeps growing as " + boundary;
            return new() { Reason = $"The BG/NBD purchase model has no best fit on {data}: {why} after {fit.Iterations} iterations; {advice}." };
        }

        var model = new BgNbdModel(p[0], p[1], p[2], p[3], summary.TimeUnit)
        {
            LogLikelihood = fit.LogLikelihood,
            Iterations = fit.Iterations,
            Evaluations = fit.Evaluations,
            Customers = summary.Count,
        };
        var note = boundary is null ? null
            : $"The BG/NBD optimum on {data} lies at the boundary, {boundary}{BgNbdBoundary.Meaning(p)}; {advice}.";
        return new() { Model = model, Reason = note };
    }

    /// <summary>The log-likelihood of this model's parameters on a summary.</summary>
    /// <param name="summary">The summary; its time unit must be the model's.</param>
    /// <returns>Σ over customers of ln L(r, α, a, b | x, tₓ, T).</returns>
    /// <exception cref="ArgumentException">The summary's time unit differs from the model's.</exception>
    public double LogLikelihoodOf(BtydSummary summary)
    {
        CheckUnit(summary);
        return new BgNbdLikelihood(Rows(summary)).Evaluate(R, Alpha, A, B);
    }

    /// <summary>
    /// The probability that a customer with x repeat purchases, the last at tₓ, observed for T, is still alive:
    /// 1 / (1 + δₓ₍&gt;0₎ · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)).
    /// </summary>
    /// <param name="frequency">x, ≥ 0.</param>
    /// <param name="recency">tₓ, 0 ≤ tₓ ≤ T.</param>
    /// <param name="age">T.</param>
    /// <returns>The probability, 1 when x = 0.</returns>
    public double ProbabilityAlive(int frequency, double recency, double age)
    {
        if (frequency == 0)
        {
            return 1;
        }

        var log = Math.Log(A) - Math.Log(B + (frequency - 1)) + ((R + frequency) * (Math.Log(Alpha + age) - Math.Log(Alpha + recency)));
        return 1 / (1 + Math.Exp(log));
    }

    /// <summary>
    /// The expected number of purchases in (0, t] of a customer just acquired:
    /// (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))].
    /// </summary>
    /// <param name="t">The horizon, ≥ 0.</param>
    /// <returns>The expectation; NaN where a = 1 or a + b ≤ 1, where the formula does not hold.</returns>
    public double ExpectedPurchases(double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        var z = t / (Alpha + t);
        var logPower = (R * Math.Log(Alpha / (Alpha + t))) + Hypergeometric.Log2F1(R, B, A + B - 1, z);
        return (A + B - 1) / (A - 1) * -LifetimeMath.ExpM1(logPower);
    }

    /// <summary>
    /// The expected number of purchases in the next t of a customer with x repeat purchases, the last at tₓ, observed
    /// for T (Fader, Hardie &amp; Lee 2005, eq. 10), computed in log space so large x does not overflow:
    /// (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + δₓ₍&gt;0₎ · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)).
    /// </summary>
    /// <param name="t">The horizon, ≥ 0.</param>
    /// <param name="frequency">x, ≥ 0.</param>
    /// <param name="recency">tₓ.</param>
    /// <param name="age">T.</param>
    /// <returns>The expectation; NaN where a = 1.</returns>
    public double ConditionalExpectedPurchases(double t, int frequency, double recency, double age)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        return Conditional(t, frequency, recency, age);
    }

    /// <summary>
    /// The probability that a customer just acquired makes exactly n purchases in (0, t] (Fader, Hardie &amp; Lee 2005, eq. 8).
    /// </summary>
    /// <param name="n">The number of purchases, ≥ 0.</param>
    /// <param name="t">The horizon, &gt; 0.</param>
    /// <returns>The probability.</returns>
    public double ProbabilityOfPurchases(int n, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t);
        var lnBetaAB = SpecialFunctions.BetaLn(A, B);
        var lnStay = Math.Log(Alpha / (Alpha + t));
        var lnGo = Math.Log(t / (Alpha + t));

        // ln of the NBD probability of j purchases: Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j.
        double LogNbd(int j) => SpecialFunctions.GammaLn(R + j) - SpecialFunctions.GammaLn(R) - SpecialFunctions.GammaLn(j + 1.0) + (R * lnStay) + (j * lnGo);

        var result = Math.Exp(SpecialFunctions.BetaLn(A, B + n) - lnBetaAB + LogNbd(n));
        if (n > 0)
        {
            var below = 0.0;
            for (var j = 0; j < n; j++)
            {
                below += Math.Exp(LogNbd(j));
            }

            result += Math.Exp(SpecialFunctions.BetaLn(A + 1, B + n - 1) - lnBetaAB) * Math.Max(0, 1 - below);
        }

        return result;
    }

    /// <summary>The probability alive of every customer of a summary, in parallel.</summary>
    /// <param name="summary">The summary; its time unit must be the model's.</param>
    /// <returns>One probability per row.</returns>
    /// <exception cref="ArgumentException">The summary's time unit differs from the model's.</exception>
    public ImmutableArray<double> ProbabilityAlive(BtydSummary summary)
    {
        CheckUnit(summary);
        return ImmutableCollectionsMarshal.AsImmutableArray(Rows(summary).PerCustomer(ProbabilityAlive));
    }

    /// <summary>The conditional expected purchases over the next <paramref name="t"/> of every customer of a summary, in parallel.</summary>
    /// <param name="summary">The summary; its time unit must be the model's.</param>
    /// <param name="t">The horizon in the model's unit, ≥ 0.</param>
    /// <returns>One expectation per row.</returns>
    /// <exception cref="ArgumentException">The summary's time unit differs from the model's.</exception>
    public ImmutableArray<double> ConditionalExpectedPurchases(BtydSummary summary, double t)
    {
        CheckUnit(summary);
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        return ImmutableCollectionsMarshal.AsImmutableArray(Rows(summary).PerCustomer((x, tx, age) => Conditional(t, x, tx, age)));
    }

    internal double Conditional(double t, int x, double tx, double age)
    {
        if (t == 0)
        {
            return 0;
        }

        var rx = R + x;
        var logPower = (rx * Math.Log((Alpha + age) / (Alpha + age + t))) + Hypergeometric.Log2F1(rx, B + x, (A + B) + (x - 1), t / (Alpha + age + t));
        var head = ((A + B) + (x - 1)) / (A - 1) * -LifetimeMath.ExpM1(logPower);
        if (x == 0)
        {
            return head;
        }

        // ÷ (1 + e^d) as × e^(−softplus(d)), so a huge d gives 0 rather than ∞/∞.
        var d = Math.Log(A) - Math.Log(B + (x - 1)) + (rx * (Math.Log(Alpha + age) - Math.Log(Alpha + tx)));
        var softplus = d > 0 ? d + Math.Log(1 + Math.Exp(-d)) : Math.Log(1 + Math.Exp(d));
        return head * Math.Exp(-softplus);
    }

    internal static DistinctRows Rows(BtydSummary summary) => summary.Rows;

    internal static double[] ForEach(int count, Func<int, double> value)
    {
        var result = new double[count];
        const int Chunk = 16_384;
        if (count < 2 * Chunk)
        {
            for (var i = 0; i < count; i++)
            {
                result[i] = value(i);
            }
        }
        else
        {
            Parallel.For(0, (count + Chunk - 1) / Chunk, c =>
            {
                var end = Math.Min(count, (c + 1) * Chunk);
                for (var i = c * Chunk; i < end; i++)
                {
                    result[i] = value(i);
                }
            });
        }

        return result;
    }

    internal void CheckUnit(BtydSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.TimeUnit != TimeUnit)
        {
            throw new ArgumentException($"The summary is in {summary.TimeUnit} but the model in {TimeUnit}; build the summary with BtydSummaryOptions.TimeUnit = {TimeUnit}.", nameof(summary));
        }
    }
}
