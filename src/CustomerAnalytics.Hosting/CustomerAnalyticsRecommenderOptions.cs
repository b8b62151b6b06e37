using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Hosting;

/// <summary>
/// Which strategy answers when none is named, and the options of the strategies that have some (the
/// <c>CustomerAnalytics:Recommender</c> section; the tool's <c>--strategy</c>, <c>--min-support</c>, <c>--similarity</c>
/// and <c>--half-life-days</c>). Immutable: derive variants with <c>with</c>.
/// </summary>
/// <remarks>To add a strategy's option: add an <c>init</c> property here with its default in <c>&lt;value&gt;</c>, check
/// it in <see cref="CustomerAnalyticsOptions"/>' validation, use it where the strategy is made, and give it a flag in the
/// tool's settings and a property in <c>docs/config.schema.json</c> (a test fails until the schema has it).</remarks>
public sealed record CustomerAnalyticsRecommenderOptions
{
    /// <summary>The strategy the tool's <c>run</c> and <c>recommend</c> use, and the service answers with when a
    /// request names none: <c>popularity</c>, <c>segment-affinity</c>, <c>item-cooccurrence</c> (and in the tool <c>als</c>).</summary>
    /// <value>Defaults to <c>item-cooccurrence</c>: on both real data sets of <c>docs/recommender-quality.md</c> item
    /// co-occurrence with minimum support 3 beats popularity and segment affinity (a customer it knows nothing about
    /// gets popularity by revenue from the same model).</value>
    public string Strategy { get; init; } = "item-cooccurrence";

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

    /// <summary>The item co-occurrence options these settings ask for.</summary>
    /// <returns>The library's options with <see cref="MinimumSupport"/>, <see cref="Similarity"/> and <see cref="HalfLifeDays"/>.</returns>
    public ItemCooccurrenceOptions ItemCooccurrence() => ItemCooccurrenceOptions.Default with
    {
        MinimumSupport = MinimumSupport,
        Similarity = Similarity,
        HalfLifeDays = HalfLifeDays,
    };
}
