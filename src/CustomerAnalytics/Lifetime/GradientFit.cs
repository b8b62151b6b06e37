using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CustomerAnalytics.Lifetime;

/// <summary>
/// The first try of <see cref="LifetimeMath.MaximiseLikelihood"/>: MathNet's BFGS on the logarithms of the parameters with
/// the likelihood's analytic gradient, from every parameter = 1. It converges in tens of likelihood passes where the
/// simplex needs hundreds. Its objective is the per-customer mean, so its tolerances do not depend on how many customers
/// there are. An optimum at the boundary (a → 0, or a and b → 0 together) is returned like any other once the gradient
/// in the log-parameters vanishes there; when BFGS cannot converge (a line search fails, the gradient does not vanish
/// within <see cref="MaxIterations"/>) it gives up and the caller falls back to the simplex.
/// </summary>
internal static class GradientFit
{
    /// <summary>BFGS's stopping tolerance on the per-observation objective's gradient (MathNet's relative norm,
    /// |∂f/∂θᵢ| · max(|θᵢ|, 1) ÷ max(|f|, 1)); f is a mean over customers, so the test is the same at any scale.</summary>
    private const double GradientTolerance = 1e-9;

    /// <summary>The largest |∂f/∂ ln θ| of the per-observation objective accepted as an optimum (MathNet's own stopping
    /// norm is not the largest component, so the check is looser than the stopping tolerance).</summary>
    private const double AcceptedGradient = 1e-7;

    /// <summary>
    /// The most BFGS iterations: a smooth fit of 3 or 4 parameters converges in well under a hundred (the 1M-customer
    /// boundary fit of <c>docs/benchmarks.md</c> in 60), so more means the fit is not converging and the simplex decides.
    /// </summary>
    private const int MaxIterations = 1000;

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
            var result = new BfgsMinimizer(GradientTolerance, 0, 0, Math.Min(maxIterations, MaxIterations)).FindMinimum(objective, Vector<double>.Build.Dense(n));
            var point = result.MinimizingPoint.Select(Math.Exp).ToArray();
            var flat = result.FunctionInfoAtMinimum.Gradient.InfinityNorm() <= AcceptedGradient;
            return (flat && double.IsFinite(result.FunctionInfoAtMinimum.Value) && Array.TrueForAll(point, double.IsNormal) ? point : null, result.Iterations);
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
