using System.Collections.Immutable;
using System.Globalization;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Hosting;

/// <summary>
/// Which strategy answers when none is named, and the options of the strategies that have some (the
/// <c>CustomerAnalytics:Recommender</c> section; the tool's <c>--strategy</c>, <c>--min-support</c>, <c>--similarity</c>,
/// <c>--half-life-days</c>, <c>--lambda</c> and <c>--als-…</c>). Immutable: derive variants with <c>with</c>.
/// </summary>
/// <remarks>To add a strategy's option: add an <c>init</c> property here with its default in <c>&lt;value&gt;</c>, check
/// it in <see cref="CustomerAnalyticsOptions"/>' validation, use it where the strategy is made, and give it a flag in the
/// tool's settings and a property in <c>docs/config.schema.json</c> (a test fails until the schema has it).</remarks>
public sealed record CustomerAnalyticsRecommenderOptions
{
    /// <summary>The strategy the tool's <c>run</c> and <c>recommend</c> use, and the service answers with when a
    /// request names none: <c>popularity</c>, <c>segment-affinity</c>, <c>item-cooccurrence</c> (and in the tool <c>als</c>
    /// and <c>ease</c>).</summary>
    /// <value>Defaults to <c>item-cooccurrence</c>: on both real data sets of <c>docs/recommender-quality.md</c> item
    /// co-occurrence with minimum support 3 beats popularity and segment affinity (a customer it knows nothing about
    /// gets popularity by revenue from the same model).</value>
    public string Strategy { get; init; } = "item-cooccurrence";

    /// <summary>The library's strategies, by name: <c>popularity</c>, <c>segment-affinity</c>, <c>item-cooccurrence</c>,
    /// <c>als</c> and <c>ease</c> (the tool's <c>--strategy</c> values).</summary>
    public static ImmutableArray<string> BuiltInStrategies { get; } = ["popularity", "segment-affinity", "item-cooccurrence", "als", "ease"];

    /// <summary>The library's strategies the hosted model store fits on every load (<c>CustomerAnalytics:Recommender:Strategies</c>,
    /// a JSON array of <see cref="BuiltInStrategies"/> names); <see cref="Strategy"/> is fitted too when it is one of them,
    /// listed or not. Strategies registered as your own <see cref="IRecommender"/> singletons are always fitted.</summary>
    /// <value>Defaults to <see langword="null"/>: <c>popularity</c>, <c>segment-affinity</c> and <c>item-cooccurrence</c>
    /// (ALS and EASE fit for longer, and EASE refuses catalogues over <see cref="EaseOptions.MaxProducts"/>), plus
    /// <see cref="Strategy"/>.</value>
    public IReadOnlyList<string>? Strategies { get; init; }

    /// <summary>Item co-occurrence: pairs of products bought together by fewer customers than this are ignored
    /// (<see cref="ItemCooccurrenceOptions.MinimumSupport"/>).</summary>
    /// <value>Defaults to 3, not the library's 1: on the sparse Complete Journey sample support 1 loses to popularity
    /// and support 3 beats it, and on Online Retail support 3 is as good as 1 or marginally better (<c>docs/recommender-quality.md</c>).</value>
    public int MinimumSupport { get; init; } = 3;

    /// <summary>Item co-occurrence: how co-occurrence counts become similarities: <c>Jaccard</c>, <c>Cosine</c>,
    /// <c>Lift</c> or <c>Cooccurrence</c> (raw counts) (<see cref="ItemCooccurrenceOptions.Similarity"/>).</summary>
    /// <value>Defaults to <see cref="ItemSimilarity.Jaccard"/>.</value>
    public ItemSimilarity Similarity { get; init; } = ItemSimilarity.Jaccard;

    /// <summary>Item co-occurrence: the half-life in days of a purchase's weight in a customer's affinities
    /// (<see cref="ItemCooccurrenceOptions.HalfLifeDays"/>).</summary>
    /// <value>Defaults to <see langword="null"/>: no time decay.</value>
    public double? HalfLifeDays { get; init; }

    /// <summary>EASE (the tool's <c>ease</c>): the L2 penalty λ (<see cref="EaseOptions.Lambda"/>).</summary>
    /// <value>Defaults to 500, as Steck's (2019) code.</value>
    public double Lambda { get; init; } = 500;

    /// <summary>ALS (the tool's <c>als</c>): latent factors per customer and product (<see cref="ImplicitAlsOptions.Factors"/>).</summary>
    /// <value>Defaults to 100.</value>
    public int AlsFactors { get; init; } = 100;

    /// <summary>ALS: alternating sweeps (<see cref="ImplicitAlsOptions.Iterations"/>).</summary>
    /// <value>Defaults to 15.</value>
    public int AlsIterations { get; init; } = 15;

    /// <summary>ALS: the L2 penalty on the factors (<see cref="ImplicitAlsOptions.Regularization"/>).</summary>
    /// <value>Defaults to 0.01.</value>
    public double AlsRegularization { get; init; } = 0.01;

    /// <summary>ALS: α of the confidence 1 + α · units (<see cref="ImplicitAlsOptions.Alpha"/>).</summary>
    /// <value>Defaults to 1.</value>
    public double AlsAlpha { get; init; } = 1.0;

    /// <summary>The library's strategies a hosted load fits: <see cref="Strategies"/> (or the default three) in that
    /// order, then <see cref="Strategy"/> when it is a built-in strategy not listed.</summary>
    /// <returns>Names from <see cref="BuiltInStrategies"/>, each once.</returns>
    public IReadOnlyList<string> StrategiesToFit()
    {
        IEnumerable<string> listed = Strategies ?? ["popularity", "segment-affinity", "item-cooccurrence"];
        var names = listed.Where(BuiltInStrategies.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (BuiltInStrategies.Contains(Strategy) && !names.Contains(Strategy, StringComparer.Ordinal))
        {
            names.Add(Strategy);
        }

        return names.AsReadOnly();
    }

    /// <summary>The EASE options these settings ask for.</summary>
    /// <returns>The library's defaults with <see cref="Lambda"/>.</returns>
    public EaseOptions Ease() => EaseOptions.Default with { Lambda = Lambda };

    /// <summary>The ALS options these settings ask for.</summary>
    /// <returns>The library's defaults with <see cref="AlsFactors"/>, <see cref="AlsIterations"/>, <see cref="AlsRegularization"/> and <see cref="AlsAlpha"/>.</returns>
    public ImplicitAlsOptions ImplicitAls() => ImplicitAlsOptions.Default with
    {
        Factors = AlsFactors,
        Iterations = AlsIterations,
        Regularization = AlsRegularization,
        Alpha = AlsAlpha,
    };

    /// <summary>The item co-occurrence options these settings ask for.</summary>
    /// <returns>The library's options with <see cref="MinimumSupport"/>, <see cref="Similarity"/> and <see cref="HalfLifeDays"/>.</returns>
    public ItemCooccurrenceOptions ItemCooccurrence() => ItemCooccurrenceOptions.Default with
    {
        MinimumSupport = MinimumSupport,
        Similarity = Similarity,
        HalfLifeDays = HalfLifeDays,
    };

    /// <summary>What is wrong with <see cref="Strategies"/>, named by its key.</summary>
    internal IEnumerable<string> StrategyListProblems(Func<string, string> key)
    {
        if (Strategies is null)
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Strategies)
        {
            if (!BuiltInStrategies.Contains(name))
            {
                yield return $"{key(nameof(Strategies))} lists '{name}', which is not one of the library's strategies {string.Join(", ", BuiltInStrategies)} (register your own strategies as IRecommender singletons instead)";
            }
            else if (!seen.Add(name))
            {
                yield return $"{key(nameof(Strategies))} lists '{name}' twice";
            }
        }
    }

    /// <summary>What is wrong with the EASE and ALS settings, each named by its key.</summary>
    internal IEnumerable<string> ModelProblems(Func<string, string> key)
    {
        if (!(double.IsFinite(Lambda) && Lambda > 0))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{key(nameof(Lambda))} must be finite and positive (was {Lambda})");
        }

        if (AlsFactors is < 1 or > 1024)
        {
            yield return $"{key(nameof(AlsFactors))} must be 1 to 1024 (was {AlsFactors})";
        }

        if (AlsIterations is < 1 or > 1000)
        {
            yield return $"{key(nameof(AlsIterations))} must be 1 to 1000 (was {AlsIterations})";
        }

        if (!(double.IsFinite(AlsRegularization) && AlsRegularization > 0))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{key(nameof(AlsRegularization))} must be finite and positive (was {AlsRegularization})");
        }

        if (!(double.IsFinite(AlsAlpha) && AlsAlpha > 0))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{key(nameof(AlsAlpha))} must be finite and positive (was {AlsAlpha})");
        }
    }
}
