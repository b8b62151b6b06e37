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

    /// <summary>
    /// Maximises a log-likelihood over positive parameters: MathNet's Nelder–Mead simplex on their logarithms, from
    /// every parameter = 1 with an initial step of 0.5 per log-parameter, to the options' relative tolerance.
    /// </summary>
    /// <returns>The parameters, the maximised log-likelihood and the iterations.</returns>
    public static (double[] Parameters, double LogLikelihood, int Iterations) MaximiseLikelihood(
        Func<double[], double> logLikelihood, int parameters, LifetimeFitOptions options, string model)
    {
        var objective = ObjectiveFunction.Value(theta =>
        {
            var values = new double[parameters];
            for (var i = 0; i < parameters; i++)
            {
                values[i] = Math.Exp(theta[i]);
            }

            var ll = logLikelihood(values);
            return double.IsFinite(ll) ? -ll : double.MaxValue;
        });
        try
        {
            var result = new NelderMeadSimplex(options.Tolerance, options.MaxIterations)
                .FindMinimum(objective, Vector<double>.Build.Dense(parameters), Vector<double>.Build.Dense(parameters, 0.5));
            return ([.. result.MinimizingPoint.Select(Math.Exp)], -result.FunctionInfoAtMinimum.Value, result.Iterations);
        }
        catch (MaximumIterationsException e)
        {
            throw new InvalidOperationException($"The {model} fit did not converge in {options.MaxIterations} iterations; raise LifetimeFitOptions.MaxIterations or Tolerance.", e);
        }
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
