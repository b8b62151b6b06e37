namespace CustomerAnalytics.Lifetime;

/// <summary>Numerical helpers of the lifetime models.</summary>
internal static class LifetimeMath
{
    /// <summary>Days in one <see cref="LifetimeTimeUnit"/>.</summary>
    public static double DaysPerUnit(LifetimeTimeUnit unit) => unit == LifetimeTimeUnit.Weeks ? 7.0 : 1.0;
}
