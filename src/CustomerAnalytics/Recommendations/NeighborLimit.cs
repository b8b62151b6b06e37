using System.Globalization;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// How many neighbours each product of an <see cref="ItemCooccurrenceRecommender"/> keeps, and the sentence that says so
/// in the model's <see cref="IItemCooccurrenceModel.Description"/>.
/// </summary>
/// <param name="Limit">The neighbours kept per product; <see langword="null"/> for every one.</param>
/// <param name="Description">What the model is and whether (and why) its similarity is truncated.</param>
internal sealed record NeighborLimit(int? Limit, string Description)
{
    /// <summary>What one kept pair costs: a product index (4 bytes) and a similarity (8 bytes).</summary>
    public const int BytesPerPair = 12;

    /// <summary>The limit <paramref name="options"/> give a catalogue of <paramref name="productCount"/> products.</summary>
    public static NeighborLimit Resolve(ItemCooccurrenceOptions options, int productCount, string strategyName)
    {
        var what = string.Create(CultureInfo.InvariantCulture, $"{strategyName}: {options.Similarity} similarity by {options.Scope.ToString().ToLowerInvariant()} over {productCount:N0} products; ");
        if (options.MaxNeighbors is { } max)
        {
            return new(max, what + string.Create(CultureInfo.InvariantCulture, $"each product keeps its {max:N0} most similar products (MaxNeighbors = {max})."));
        }

        var budget = options.SimilarityMemoryBudgetBytes;
        var full = (double)BytesPerPair * productCount * Math.Max(productCount - 1, 0);
        if (full <= budget)
        {
            return new(null, what + "every neighbour is kept, as SAR does.");
        }

        var kept = (int)Math.Max(1, Math.Min(int.MaxValue, budget / ((long)BytesPerPair * productCount)));
        return new(kept, what + string.Create(
            CultureInfo.InvariantCulture,
            $"each product keeps only its {kept:N0} most similar products: every pair would take {full:N0} bytes, over SimilarityMemoryBudgetBytes = {budget:N0}. Raise SimilarityMemoryBudgetBytes to keep every neighbour, as SAR does."));
    }
}
