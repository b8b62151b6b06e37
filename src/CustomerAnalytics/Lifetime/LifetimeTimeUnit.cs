namespace CustomerAnalytics.Lifetime;

/// <summary>
/// The unit in which recency, age (T), holdout duration and model horizons are measured. A model's parameters are
/// per unit: a BG/NBD α fitted in weeks is not the α fitted in days.
/// </summary>
public enum LifetimeTimeUnit
{
    /// <summary>Days.</summary>
    Days,

    /// <summary>Weeks of 7 days.</summary>
    Weeks,
}
