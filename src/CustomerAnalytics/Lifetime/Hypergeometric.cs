namespace CustomerAnalytics.Lifetime;

/// <summary>The Gauss hypergeometric function ₂F₁, in log space so that it does not overflow.</summary>
internal static class Hypergeometric
{
    /// <summary>The most series terms summed before giving up.</summary>
    public const int MaxTerms = 1_000_000;

    /// <summary>
    /// ln ₂F₁(a, b; c; z) for a, b, c &gt; 0 and 0 ≤ z &lt; 1, by the power series Σ (a)ₖ(b)ₖ/((c)ₖ k!) zᵏ: every term is
    /// positive; each is the previous times (a+k)(b+k)z/((c+k)(k+1)), and the running sum is rescaled (its logarithm
    /// carried separately) whenever it passes 1e250, so large parameters (many purchases) never overflow. The sum stops
    /// when a term falls below 1e-16 of it once the terms are shrinking.
    /// </summary>
    /// <returns>The logarithm, or NaN outside the domain or without convergence in <see cref="MaxTerms"/> terms.</returns>
    public static double Log2F1(double a, double b, double c, double z)
    {
        if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1))
        {
            return double.NaN;
        }

        if (z == 0)
        {
            return 0;
        }

        double logScale = 0, sum = 1, term = 1;
        for (var k = 0; k < MaxTerms; k++)
        {
            var ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            term *= ratio;
            sum += term;
            if (ratio < 1 && term <= 1e-16 * sum)
            {
                return logScale + Math.Log(sum);
            }

            if (sum > 1e250)
            {
                logScale += Math.Log(sum);
                term /= sum;
                sum = 1;
            }
        }

        return double.NaN;
    }
}
