using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CustomerAnalytics.Lifetime;

/// <summary>Numerical helpers of the lifetime models.</summary>
internal static class LifetimeMath
{
    /// <summary>Days in one <see cref="LifetimeTimeUnit"/>.</summary>
    public static double DaysPerUnit(LifetimeTimeUnit unit) => unit == LifetimeTimeUnit.Weeks ? 7.0 : 1.0;

    /// <summary>eˣ − 1, accurate for small x (Kahan's method; .NET's <c>double.ExpM1</c> is plain <c>Exp(x) − 1</c>).</summary>
    public static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        return um1 == -1.0 || double.IsInfinity(u) ? um1 : um1 * x / Math.Log(u);
    }

    /// <summary>Parameters below this or above its inverse are reported as at the boundary (→ 0 or → ∞).</summary>
    private const double BoundaryLimit = 1e-8;

    /// <summary>
    /// Maximises a log-likelihood over positive parameters: MathNet's Nelder–Mead simplex on their logarithms, from
    /// every parameter = 1 with an initial step of 0.5 per log-parameter, to the options' relative tolerance. Without a
    /// penalizer it minimises −ln L; with one, <c>lifetimes</c>' −ln L ÷ N + c · Σ (sᵢ θᵢ)², sᵢ = <paramref name="penaltyScale"/>.
    /// </summary>
    /// <returns>
    /// The optimum and its unpenalized log-likelihood; when the iterations run out, the best point seen, not converged.
    /// </returns>
    /// <remarks>With an analytic <paramref name="gradient"/>, BFGS is tried first (<see cref="GradientFit"/>) and the
    /// simplex runs only when it gives up. <paramref name="cancellationToken"/> is checked at each evaluation of the likelihood (one pass over the customers).</remarks>
    public static LikelihoodOptimum MaximiseLikelihood(
        Func<double[], double> logLikelihood, GradientFit.LikelihoodGradient? gradient, double[] penaltyScale, double observations, LifetimeFitOptions options, CancellationToken cancellationToken = default)
    {
        var parameters = penaltyScale.Length;
        var penalizer = options.Penalizer;
        var evaluations = 0;
        if (gradient is not null)
        {
            GradientFit.LikelihoodGradient checkedGradient = (values, g) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return gradient(values, g);
            };
            var (point, iterations) = GradientFit.TryMinimise(checkedGradient, penaltyScale, observations, penalizer, options.MaxIterations, ref evaluations);
            // An optimum at the boundary (a → 0 when customers hardly drop out) is kept when its likelihood is finite.
            var ll = point is null ? double.NaN : logLikelihood(point);
            evaluations += point is null ? 0 : 1;
            if (point is not null && double.IsFinite(ll))
            {
                return new LikelihoodOptimum(point, ll, iterations, Converged: true) { Evaluations = evaluations };
            }
        }

        var counted = logLikelihood;
        logLikelihood = values =>
        {
            evaluations++;
            return counted(values);
        };
        var best = double.PositiveInfinity;
        var bestTheta = new double[parameters];
        var objective = ObjectiveFunction.Value(theta =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = Exp(theta);
            var ll = logLikelihood(values);
            if (!double.IsFinite(ll))
            {
                return double.MaxValue;
            }

            var value = -ll;
            if (penalizer > 0)
            {
                var penalty = 0.0;
                for (var i = 0; i < parameters; i++)
                {
                    var scaled = penaltyScale[i] * values[i];
                    penalty += scaled * scaled;
                }

                value = (value / observations) + (penalizer * penalty);
            }

            if (value < best)
            {
                best = value;
                for (var i = 0; i < parameters; i++)
                {
                    bestTheta[i] = theta[i];
                }
            }

            return value;
        });
        try
        {
            var result = new NelderMeadSimplex(options.Tolerance, options.MaxIterations)
                .FindMinimum(objective, Vector<double>.Build.Dense(parameters), Vector<double>.Build.Dense(parameters, 0.5));
            var point = Exp(result.MinimizingPoint);
            var ll = penalizer > 0 ? logLikelihood(point) : -result.FunctionInfoAtMinimum.Value;
            return new LikelihoodOptimum(point, ll, result.Iterations, Converged: true) { Evaluations = evaluations };
        }
        catch (MaximumIterationsException)
        {
            var point = Exp(Vector<double>.Build.DenseOfArray(bestTheta));
            return new LikelihoodOptimum(point, logLikelihood(point), options.MaxIterations, Converged: false) { Evaluations = evaluations };
        }
    }

    /// <summary>
    /// The parameters at the boundary, as "a → 0 (a = 3.1E-11)", joined with " and " (<see langword="null"/> when every
    /// parameter lies in [1e-8, 1e8]), and the advice that fits them: a penalizer bounds parameters running to ∞ but
    /// pulls them toward 0, so for parameters running to 0 only more data helps.
    /// </summary>
    public static (string? Boundary, string Advice) Boundary(double[] values, params string[] names)
    {
        var found = new List<string>();
        var toInfinity = false;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < BoundaryLimit || values[i] > 1 / BoundaryLimit)
            {
                toInfinity |= values[i] > 1;
                found.Add(FormattableString.Invariant($"{names[i]} → {(values[i] < 1 ? "0" : "∞")} ({names[i]} = {values[i]:G3})"));
            }
        }

        var advice = found.Count > 0 && !toInfinity
            ? "fit on more customers (a penalizer pulls parameters toward 0, so it does not help here)"
            : "fit on more customers or set LifetimeFitOptions.Penalizer (lifetimes suggests 0.001 to 0.1)";
        return (found.Count == 0 ? null : string.Join(" and ", found), advice);
    }

    private static double[] Exp(Vector<double> theta)
    {
        var values = new double[theta.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Exp(theta[i]);
        }

        return values;
    }

    /// <summary>Throws unless <paramref name="value"/> is a positive finite number.</summary>
    public static void Positive(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a positive finite number.");
        }
    }
}
