using System.Globalization;

namespace CustomerAnalytics.Evaluation;

/// <summary>Options of <see cref="RecommenderComparison"/>. Immutable: derive variants with <c>with</c>.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The default options: top 10, purchases excluded, scored against the whole truth, natural-log NDCG.</summary>
    public static ComparisonOptions Default { get; } = new();

    /// <summary>How many items each customer is recommended, and the k of every metric.</summary>
    /// <value>Defaults to 10. Must be positive.</value>
    public int K { get; init; } = 10;

    /// <summary>Whether the strategies leave out what each customer bought in training.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool ExcludePurchased { get; init; } = true;

    /// <summary>The truth scored against.</summary>
    /// <value>Defaults to <see cref="TruthSet.All"/>.</value>
    public TruthSet Truth { get; init; } = TruthSet.All;

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

        if (!Enum.IsDefined(Truth))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(Truth)} is not a defined truth set (was {(int)Truth})."));
        }

        if (!Enum.IsDefined(Discount))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(Discount)} is not a defined logarithm (was {(int)Discount})."));
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid ComparisonOptions: " + string.Join(" ", errors));
        }
    }
}
