using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CustomerAnalytics.Lifetime;

/// <summary>
/// The first try of <see cref="LifetimeMath.MaximiseLikelihood"/>: MathNet's BFGS on the logarithms of the parameters with
/// the likelihood's analytic gradient, from every parameter = 1. It converges in tens of likelihood passes where the
/// simplex needs hundreds; when it cannot (a line search fails, the optimum lies at a boundary, the gradient does not
/// vanish) it gives up and the caller falls back to the simplex, whose messages explain boundary optima.
/// </summary>
internal static class GradientFit
{
    /// <summary>BFGS's stopping tolerance on the per-observation objective's gradient (its own norm).</summary>
    private const double GradientTolerance = 1e-9;

    /// <summary>The largest |∂f/∂ ln θ| of the per-observation objective accepted as an optimum (MathNet's own stopping
    /// norm is not the largest component, so the check is looser than the stopping tolerance).</summary>
    private const double AcceptedGradient = 1e-7;

    /// <summary>Parameters outside [1e-8, 1e8] are left to the simplex, which reports the boundary.</summary>
    private const double BoundaryLimit = 1e-8;

    /// <summary>
    /// Minimises f(θ) = −ln L(eᶿ) ÷ N + c · Σ (sᵢ eᶿⁱ)², the penalized objective (c = 0 without a penalizer; dividing by N
    /// does not move the optimum). Returns the point and the number of likelihood passes, or no point when it gave up.
    /// </summary>
    public static (double[]? Point, int Iterations) TryMinimise(
        LikelihoodGradient logLikelihood, double[] penaltyScale, double observations, double penalizer, int maxIterations, ref int evaluations)
    {
        var n = penaltyScale.Length;
        var count = 0;
        var objective = ObjectiveFunction.Gradient((Vector<double> theta) =>
        {
            count++;
            var values = new double[n];
            for (var i = 0; i < n; i++)
            {
                values[i] = Math.Exp(theta[i]);
            }

            var gradient = new double[n];
            var ll = logLikelihood(values, gradient);
            var g = Vector<double>.Build.Dense(n);
            if (!double.IsFinite(ll))
            {
                return (double.MaxValue, g);
            }

            var value = -ll / observations;
            for (var i = 0; i < n; i++)
            {
                var scaled = penaltyScale[i] * values[i];
                value += penalizer * scaled * scaled;
                // ∂/∂θᵢ = vᵢ · ∂/∂vᵢ, since vᵢ = e^θᵢ.
                g[i] = values[i] * ((-gradient[i] / observations) + (2 * penalizer * penaltyScale[i] * scaled));
            }

            return (value, g);
        });
        try
        {
            var result = new BfgsMinimizer(GradientTolerance, 0, 0, maxIterations).FindMinimum(objective, Vector<double>.Build.Dense(n));
            var point = result.MinimizingPoint.Select(Math.Exp).ToArray();
            var inside = Array.TrueForAll(point, v => v >= BoundaryLimit && v <= 1 / BoundaryLimit);
            var flat = result.FunctionInfoAtMinimum.Gradient.InfinityNorm() <= AcceptedGradient;
            return (inside && flat && double.IsFinite(result.FunctionInfoAtMinimum.Value) ? point : null, result.Iterations);
        }
        catch (Exception e) when (e is OptimizationException or ArgumentException or ArithmeticException)
        {
            return (null, 0);
        }
        finally
        {
            evaluations += count;
        }
    }

    /// <summary>A log-likelihood that also writes its gradient ∂ ln L/∂vᵢ into <c>gradient</c>.</summary>
    public delegate double LikelihoodGradient(double[] values, Span<double> gradient);
}
