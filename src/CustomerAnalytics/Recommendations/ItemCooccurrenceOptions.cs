using System.Globalization;

namespace CustomerAnalytics.Recommendations;

/// <summary>Options of an <see cref="ItemCooccurrenceRecommender"/>. Immutable: derive variants with <c>with</c>.</summary>
public sealed record ItemCooccurrenceOptions
{
    /// <summary>
    /// The default options: affinity by purchases without decay, co-occurrence by customer, Jaccard, support 1, every
    /// neighbour kept while the similarity fits 1 GiB (as SAR does).
    /// </summary>
    public static ItemCooccurrenceOptions Default { get; } = new();

    /// <summary>What each line adds to the customer's affinity to its product.</summary>
    /// <value>Defaults to <see cref="AffinityWeight.Purchases"/>.</value>
    public AffinityWeight Weight { get; init; } = AffinityWeight.Purchases;

    /// <summary>
    /// When set, each line's weight is multiplied by 0.5^((t0 − t) ÷ half-life), t its time and t0 the
    /// <see cref="ReferenceTime"/>, both in days.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: no decay. Must be finite and positive when set.</value>
    public double? HalfLifeDays { get; init; }

    /// <summary>The t0 of the time decay.</summary>
    /// <value>Defaults to <see langword="null"/>: the latest timestamp of the dataset fitted on.</value>
    public DateTimeOffset? ReferenceTime { get; init; }

    /// <summary>What counts as bought together.</summary>
    /// <value>Defaults to <see cref="CooccurrenceScope.Customer"/>.</value>
    public CooccurrenceScope Scope { get; init; } = CooccurrenceScope.Customer;

    /// <summary>Pairs bought together fewer times than this get similarity 0.</summary>
    /// <value>Defaults to 1 (every pair seen together counts). Must be at least 1.</value>
    public int MinimumSupport { get; init; } = 1;

    /// <summary>How co-occurrence counts become similarities.</summary>
    /// <value>Defaults to <see cref="ItemSimilarity.Jaccard"/>.</value>
    public ItemSimilarity Similarity { get; init; } = ItemSimilarity.Jaccard;

    /// <summary>
    /// How many most similar products each product keeps (highest similarity first, ties by product id, ordinal): the
    /// sparsity that keeps large catalogues fast. <see langword="null"/> keeps every neighbour, as SAR does, while the
    /// similarity fits <see cref="SimilarityMemoryBudgetBytes"/>, and otherwise the top N that fit it.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>. Must be at least 1 when set.</value>
    public int? MaxNeighbors { get; init; }

    /// <summary>
    /// With <see cref="MaxNeighbors"/> <see langword="null"/>, the memory the similarity may take, at 12 bytes per kept
    /// pair (a product index and a similarity): every pair of a catalogue of n products is kept when 12 · n · (n − 1)
    /// fits, and otherwise each product keeps its N = ⌊budget ÷ (12 · n)⌋ most similar products (at least 1), which the
    /// model's <see cref="IItemCooccurrenceModel.Description"/> states.
    /// </summary>
    /// <value>Defaults to 1 GiB (1,073,741,824 bytes): every pair of up to 9,459 products. Must be positive.</value>
    public long SimilarityMemoryBudgetBytes { get; init; } = 1L << 30;

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Weight))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(Weight)} is not a defined weight (was {(int)Weight})."));
        }

        if (HalfLifeDays is { } halfLife && !(double.IsFinite(halfLife) && halfLife > 0))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(HalfLifeDays)} must be finite and positive, or null for no decay (was {halfLife})."));
        }

        if (!Enum.IsDefined(Scope))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(Scope)} is not a defined scope (was {(int)Scope})."));
        }

        if (MinimumSupport < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MinimumSupport)} must be at least 1 (was {MinimumSupport})."));
        }

        if (!Enum.IsDefined(Similarity))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(Similarity)} is not a defined similarity (was {(int)Similarity})."));
        }

        if (MaxNeighbors is < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxNeighbors)} must be at least 1, or null for every neighbour within {nameof(SimilarityMemoryBudgetBytes)} (was {MaxNeighbors})."));
        }

        if (SimilarityMemoryBudgetBytes < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(SimilarityMemoryBudgetBytes)} must be positive (was {SimilarityMemoryBudgetBytes})."));
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid ItemCooccurrenceOptions: " + string.Join(" ", errors));
        }
    }
}
