using System.Globalization;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// Options of an <see cref="ImplicitAlsRecommender"/>. The defaults are those of the Python <c>implicit</c> library's
/// <c>AlternatingLeastSquares</c> (100 factors, regularisation 0.01, α 1, 15 iterations, 3 conjugate-gradient steps).
/// Immutable: derive variants with <c>with</c>.
/// </summary>
public sealed record ImplicitAlsOptions
{
    /// <summary>The default options.</summary>
    public static ImplicitAlsOptions Default { get; } = new();

    /// <summary>How many latent factors each customer and product gets.</summary>
    /// <value>Defaults to 100. Must be 1 to 1,024.</value>
    public int Factors { get; init; } = 100;

    /// <summary>λ, the weight of the L2 penalty λ(Σ‖x_u‖² + Σ‖y_i‖²) on the factors.</summary>
    /// <value>Defaults to 0.01. Must be finite and positive.</value>
    public double Regularization { get; init; } = 0.01;

    /// <summary>α of the confidence c_ui = 1 + α · w_ui given to a customer's bought products (w per <see cref="Weight"/>).</summary>
    /// <value>Defaults to 1. Must be finite and positive.</value>
    public double Alpha { get; init; } = 1.0;

    /// <summary>What each of a customer's lines adds to w_ui; only positive sums count as bought.</summary>
    /// <value>Defaults to <see cref="AffinityWeight.Units"/> (the quantity).</value>
    public AffinityWeight Weight { get; init; } = AffinityWeight.Units;

    /// <summary>How many alternating sweeps (customers, then products) the fit runs.</summary>
    /// <value>Defaults to 15. Must be 1 to 1,000.</value>
    public int Iterations { get; init; } = 15;

    /// <summary>
    /// Conjugate-gradient steps per factor row and sweep, started from the row's previous value (Takács, Pilászy and Tikk
    /// 2011, as <c>implicit</c> does). At <see cref="Factors"/> or more each row's least-squares problem is solved exactly.
    /// </summary>
    /// <value>Defaults to 3. Must be 1 to 1,024.</value>
    public int CgSteps { get; init; } = 3;

    /// <summary>The seed of the random initial factors (uniform in [0, 0.01), as <c>implicit</c> draws them).</summary>
    /// <value>Defaults to 42.</value>
    public int Seed { get; init; } = 42;

    /// <summary>How many cores the fit and <see cref="IRecommenderModel.RecommendAll(RecommendationRequest?)"/> use; the factors do not depend on it.</summary>
    /// <value>Defaults to <see langword="null"/>: every core. Must be at least 1 when set.</value>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Factors is < 1 or > 1024)
        {
            errors.Add(Say($"{nameof(Factors)} must be 1 to 1024 (was {Factors})."));
        }

        if (!(double.IsFinite(Regularization) && Regularization > 0))
        {
            errors.Add(Say($"{nameof(Regularization)} must be finite and positive, such as 0.01 (was {Regularization})."));
        }

        if (!(double.IsFinite(Alpha) && Alpha > 0))
        {
            errors.Add(Say($"{nameof(Alpha)} must be finite and positive, such as 1 (was {Alpha})."));
        }

        if (!Enum.IsDefined(Weight))
        {
            errors.Add(Say($"{nameof(Weight)} is not a defined weight (was {(int)Weight})."));
        }

        if (Iterations is < 1 or > 1000)
        {
            errors.Add(Say($"{nameof(Iterations)} must be 1 to 1000 (was {Iterations})."));
        }

        if (CgSteps is < 1 or > 1024)
        {
            errors.Add(Say($"{nameof(CgSteps)} must be 1 to 1024 (was {CgSteps})."));
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            errors.Add(Say($"{nameof(MaxDegreeOfParallelism)} must be at least 1, or null for every core (was {MaxDegreeOfParallelism})."));
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid ImplicitAlsOptions: " + string.Join(" ", errors));
        }
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
