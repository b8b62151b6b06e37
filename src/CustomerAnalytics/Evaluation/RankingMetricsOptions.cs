using System.Globalization;

namespace CustomerAnalytics.Evaluation;

/// <summary>Options of <see cref="RankingEvaluator"/>. Immutable: derive variants with <c>with</c>.</summary>
public sealed record RankingMetricsOptions
{
    /// <summary>The default options: k = 10, natural-log discount.</summary>
    public static RankingMetricsOptions Default { get; } = new();

    /// <summary>How many of each customer's top predictions count (the k of precision@k and the others).</summary>
    /// <value>Defaults to 10. Must be positive.</value>
    public int K { get; init; } = 10;

    /// <summary>The logarithm of NDCG's discount.</summary>
    /// <value>Defaults to <see cref="DiscountLogarithm.Natural"/>.</value>
    public DiscountLogarithm Discount { get; init; } = DiscountLogarithm.Natural;

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (K <= 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(K)} must be positive (was {K})."));
        }

        if (!Enum.IsDefined(Discount))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(Discount)} is not a defined logarithm (was {(int)Discount})."));
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid RankingMetricsOptions: " + string.Join(" ", errors));
        }
    }
}
