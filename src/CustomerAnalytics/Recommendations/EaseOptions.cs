using System.Globalization;

namespace CustomerAnalytics.Recommendations;

/// <summary>Options of an <see cref="EaseRecommender"/>. Immutable: derive variants with <c>with</c>.</summary>
public sealed record EaseOptions
{
    /// <summary>The largest <see cref="MaxProducts"/> allowed: 40,000 products take 32 GB.</summary>
    public const int ProductLimit = 40_000;

    /// <summary>The default options: λ = 500, at most 5,000 products.</summary>
    public static EaseOptions Default { get; } = new();

    /// <summary>λ, the L2 penalty added to the diagonal of XᵀX before it is inverted.</summary>
    /// <value>Defaults to 500, the value of Steck's (2019) published code. Must be finite and positive.</value>
    public double Lambda { get; init; } = 500;

    /// <summary>
    /// The most products (bought at least once) the fit takes on: it holds item × item matrices of about 20 bytes a pair
    /// (the inverse, then the weights), 500 MB at 5,000 products, and its time grows with the cube of the count.
    /// </summary>
    /// <value>Defaults to 5,000. Must be 1 to <see cref="ProductLimit"/>.</value>
    public int MaxProducts { get; init; } = 5_000;

    /// <summary>The most threads the fit uses.</summary>
    /// <value>Defaults to <see langword="null"/>: every core. Must be at least 1 when set.</value>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (!(double.IsFinite(Lambda) && Lambda > 0))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(Lambda)} must be finite and positive (was {Lambda})."));
        }

        if (MaxProducts is < 1 or > ProductLimit)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxProducts)} must be 1 to {ProductLimit:N0} (was {MaxProducts})."));
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxDegreeOfParallelism)} must be at least 1, or null for every core (was {MaxDegreeOfParallelism})."));
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid EaseOptions: " + string.Join(" ", errors));
        }
    }
}
