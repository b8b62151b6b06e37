using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace CustomerAnalytics.Lifetime;

/// <summary>
/// The Gamma-Gamma model of spend per purchase (Fader, Hardie &amp; Lee 2005, "RFM and CLV"; Colombo &amp; Jiang 1999):
/// a customer's purchases are Gamma(p, ν) distributed, ν ~ Gamma(q, γ) across customers. It is fitted on repeat buyers
/// (x &gt; 0) with a positive mean repeat spend m̄ₓ. Immutable and thread-safe.
/// </summary>
public sealed class GammaGammaModel
{
    /// <summary>A model with known parameters.</summary>
    /// <param name="p">The shape p of spend per purchase, &gt; 0.</param>
    /// <param name="q">The shape q of the spend rate across customers, &gt; 1 (for a finite mean).</param>
    /// <param name="gamma">The scale γ of the spend rate across customers, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    public GammaGammaModel(double p, double q, double gamma)
    {
        LifetimeMath.Positive(p);
        LifetimeMath.Positive(gamma);
        if (!(q > 1 && double.IsFinite(q)))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "Must be a finite number above 1 (the mean spend is infinite otherwise).");
        }

        P = p;
        Q = q;
        Gamma = gamma;
        LogLikelihood = double.NaN;
    }

    /// <summary>The shape p of spend per purchase.</summary>
    public double P { get; }

    /// <summary>The shape q of the spend rate across customers.</summary>
    public double Q { get; }

    /// <summary>The scale γ of the spend rate across customers.</summary>
    public double Gamma { get; }

    /// <summary>The maximised log-likelihood of a fitted model; NaN for a model made from parameters.</summary>
    public double LogLikelihood { get; private init; }

    /// <summary>The repeat buyers the model was fitted on; 0 for a model made from parameters.</summary>
    public int Customers { get; private init; }

    /// <summary>Repeat buyers left out of the fit because their mean repeat spend was not positive (returns, free goods).</summary>
    public int ExcludedNonPositiveSpend { get; private init; }

    /// <summary>The optimizer's iterations (BFGS with the analytic gradient, or the simplex when BFGS gives up); 0 for a model made from parameters.</summary>
    public int Iterations { get; private init; }

    /// <summary>How many likelihood passes over the customers the fit took; 0 for a model made from parameters.</summary>
    internal int Evaluations { get; private init; }

    /// <summary>The population mean spend per purchase, p·γ ÷ (q − 1): the expectation for a customer without (usable) repeat purchases.</summary>
    public double MeanSpend => P * Gamma / (Q - 1);

    /// <summary>
    /// Fits the model by maximum likelihood (penalized when <see cref="LifetimeFitOptions.Penalizer"/> is set) on the
    /// summary's repeat buyers with a positive mean repeat spend; repeat buyers whose spend is not positive are left out
    /// and counted in <see cref="ExcludedNonPositiveSpend"/>.
    /// </summary>
    /// <param name="summary">The calibration summary.</param>
    /// <param name="options">Tolerance, iteration limit and penalizer; <see cref="LifetimeFitOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">The summary has no repeat buyer with positive spend, or the options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The optimiser did not converge (the message says which parameter ran away), or converged to q ≤ 1.</exception>
    /// <param name="cancellationToken">Checked at each evaluation of the likelihood.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static GammaGammaModel Fit(BtydSummary summary, LifetimeFitOptions? options = null, CancellationToken cancellationToken = default) =>
        TryFit(summary, options, cancellationToken).ModelOrThrow(nameof(summary));

    /// <summary>
    /// Fits the model as <see cref="Fit"/> does, but returns a fit that cannot be made (no repeat buyer with positive
    /// spend, no maximum within the iterations, q ≤ 1) as a result with its <see cref="LifetimeFitResult{TModel}.Reason"/>
    /// instead of throwing. With few repeat buyers of alike spend the likelihood has no maximum: it keeps growing as p
    /// and q run to ∞ (spend without variance); a penalizer gives a finite fit.
    /// </summary>
    /// <param name="summary">The calibration summary.</param>
    /// <param name="options">Tolerance, iteration limit and penalizer; <see cref="LifetimeFitOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The model, or why there is none.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <param name="cancellationToken">Checked at each evaluation of the likelihood.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static LifetimeFitResult<GammaGammaModel> TryFit(BtydSummary summary, LifetimeFitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        options ??= LifetimeFitOptions.Default;
        options.Validate();
        var (x, m, excluded) = RepeatBuyers(summary);
        if (x.Length == 0)
        {
            return new()
            {
                Reason = $"The summary has no repeat buyer with a positive mean repeat spend ({excluded} repeat buyers had none); the spend model cannot be fitted.",
                NothingToFit = true,
            };
        }

        var likelihood = new GammaGammaLikelihood(x, m);
        var fit = LifetimeMath.MaximiseLikelihood(
            v => likelihood.Evaluate(v[0], v[1], v[2]), (v, g) => likelihood.EvaluateWithGradient(v[0], v[1], v[2], g), [1, 1, 1], x.Length, options, cancellationToken);
        var point = fit.Parameters;
        var (boundary, advice) = LifetimeMath.Boundary(point, "p", "q", "γ");
        var data = FormattableString.Invariant($"{x.Length} repeat buyers with positive spend");
        if (!fit.Converged)
        {
            var why = boundary is null ? "it did not converge" : "its likelihood keeps growing as " + boundary;
            return new() { Reason = $"The Gamma-Gamma spend model has no best fit on {data}: {why} after {options.MaxIterations} iterations; {advice}." };
        }

        if (point[1] <= 1)
        {
            var check = options.Penalizer > 0
                ? FormattableString.Invariant($"the penalty on γ² pulls q down, so lower LifetimeFitOptions.Penalizer (it is {options.Penalizer})")
                : "check that MonetaryValue is spend per purchase";
            return new() { Reason = FormattableString.Invariant($"The Gamma-Gamma fit gave q = {point[1]} ≤ 1: spend has no finite mean under the model; {check}.") };
        }

        var model = new GammaGammaModel(point[0], point[1], point[2])
        {
            LogLikelihood = fit.LogLikelihood,
            Iterations = fit.Iterations,
            Evaluations = fit.Evaluations,
            Customers = x.Length,
            ExcludedNonPositiveSpend = excluded,
        };
        var note = boundary is null ? null : $"The Gamma-Gamma optimum on {data} lies at the boundary, {boundary}; {advice}.";
        return new() { Model = model, Reason = note };
    }

    internal static (double[] X, double[] M, int Excluded) RepeatBuyers(BtydSummary summary)
    {
        var x = new List<double>();
        var m = new List<double>();
        var excluded = 0;
        for (var i = 0; i < summary.Count; i++)
        {
            if (summary.Frequency[i] == 0)
            {
                continue;
            }

            if (summary.MonetaryValue[i] <= 0)
            {
                excluded++;
                continue;
            }

            x.Add(summary.Frequency[i]);
            m.Add((double)summary.MonetaryValue[i]);
        }

        return ([.. x], [.. m], excluded);
    }

    /// <summary>
    /// The expected mean spend per purchase of a customer with x repeat purchases of mean m̄ₓ:
    /// p·(γ + x·m̄ₓ) ÷ (p·x + q − 1); the population mean <see cref="MeanSpend"/> when x = 0 or m̄ₓ ≤ 0.
    /// </summary>
    /// <param name="frequency">x, ≥ 0.</param>
    /// <param name="monetaryValue">m̄ₓ.</param>
    /// <returns>The expectation.</returns>
    public double ExpectedAverageSpend(int frequency, decimal monetaryValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        return frequency == 0 || monetaryValue <= 0
            ? MeanSpend
            : P * (Gamma + (frequency * (double)monetaryValue)) / ((P * frequency) + Q - 1);
    }

    /// <summary>The expected mean spend of every customer of a summary.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>One expectation per row.</returns>
    public ImmutableArray<double> ExpectedAverageSpend(BtydSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var result = new double[summary.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ExpectedAverageSpend(summary.Frequency[i], summary.MonetaryValue[i]);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }
}
