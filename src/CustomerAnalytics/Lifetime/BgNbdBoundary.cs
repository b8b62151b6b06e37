namespace CustomerAnalytics.Lifetime;

/// <summary>Which BG/NBD optima at the boundary of the parameter space still describe customers.</summary>
internal static class BgNbdBoundary
{
    /// <summary>Parameters below this or above its inverse are at the boundary, as <see cref="LifetimeMath.Boundary"/> reports them.</summary>
    private const double Limit = 1e-8;

    /// <summary>
    /// Whether (r, α, a, b) at the boundary is the limit of a proper model: the purchase rates Gamma(r, α) interior, and
    /// either a → 0 alone (p → 0: nobody drops out, the NBD) or a and b → 0 together (p is 0 or 1: a share a/(a+b) drop
    /// out after their first repeat purchase, the rest never). b → 0 alone, a → ∞ or r, α at the boundary leave no
    /// model to predict with: the fit then has no best fit.
    /// </summary>
    public static bool IsProperLimit(double[] p)
    {
        bool Inside(double v) => v >= Limit && v <= 1 / Limit;
        return Inside(p[0]) && Inside(p[1]) && p[2] <= 1 / Limit && p[3] <= 1 / Limit && (p[3] >= Limit || p[2] < Limit);
    }

    /// <summary>What a proper boundary limit means for customers, as " (…)", or "" when a is interior.</summary>
    public static string Meaning(double[] p) => p[2] >= Limit ? ""
        : p[3] >= Limit ? " (customers hardly drop out: the model acts as the NBD)"
        : FormattableString.Invariant($" (p is 0 or 1: a share a/(a+b) = {p[2] / (p[2] + p[3]):F4} of customers drop out after their first repeat purchase, the rest never)");
}
