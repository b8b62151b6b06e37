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
}
