using System.Collections.Immutable;
using System.Text.Json;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Artifacts;

/// <summary>
/// Writers of the JSON artifacts: UTF-8, indented, snake_case property names, money as JSON numbers with at least two
/// decimals. Schemas: <c>docs/artifacts.md</c>. The streams are left open.
/// </summary>
public static class JsonArtifacts
{
    /// <summary>Writes <c>recommendations/top_products.json</c>: an array of <c>{ product_id, category, revenue }</c>.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="products">The products, best first.</param>
    public static void WriteTopProducts(Stream stream, IEnumerable<ProductKpi> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        Write(stream, products.Select(p => new TopProductItem(p.ProductId, p.Category, p.Revenue)).ToArray(), ArtifactJsonContext.Default.TopProductItemArray);
    }

    /// <summary>Writes <c>recommendations/top_categories.json</c>: an array of <c>{ category, revenue }</c>.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="categories">The categories, best first.</param>
    public static void WriteTopCategories(Stream stream, IEnumerable<GroupKpi> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        Write(stream, categories.Select(c => new TopCategoryItem(c.Key, c.Revenue)).ToArray(), ArtifactJsonContext.Default.TopCategoryItemArray);
    }

    /// <summary>Writes <c>recommendations/top_category_per_segment.json</c>: an array of <c>{ segment, category, revenue }</c>.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="segments">Each segment with its top category and that category's revenue in the segment, segments A→Z.</param>
    public static void WriteTopCategoryPerSegment(Stream stream, IEnumerable<(string Segment, string Category, decimal Revenue)> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        Write(stream, segments.Select(s => new SegmentTopCategoryItem(s.Segment, s.Category, s.Revenue)).ToArray(), ArtifactJsonContext.Default.SegmentTopCategoryItemArray);
    }

    /// <summary>
    /// Writes <c>recommendations/by_customer.json</c>:
    /// <c>{ strategy, customers: [ { customer_id, items: [ { rank, product_id, score, reason } ] } ] }</c>.
    /// </summary>
    /// <param name="stream">The destination.</param>
    /// <param name="strategy">The strategy's name.</param>
    /// <param name="recommendations">The recommendations per customer.</param>
    public static void WriteCustomerRecommendations(Stream stream, string strategy, IEnumerable<CustomerRecommendations> recommendations)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(recommendations);
        var document = new CustomerRecommendationsDocument(
            strategy,
            [.. recommendations.Select(c => new CustomerItem(c.CustomerId, [.. c.Items.Select(i => new RecommendationItem(i.Rank, i.ProductId, i.Score, i.Reason))]))]);
        Write(stream, document, ArtifactJsonContext.Default.CustomerRecommendationsDocument);
    }

    /// <summary>Writes <c>manifest.json</c>.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="manifest">The manifest.</param>
    public static void WriteManifest(Stream stream, RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Write(stream, manifest, ArtifactJsonContext.Default.RunManifest);
    }

    /// <summary>Reads a <c>manifest.json</c> back.</summary>
    /// <param name="stream">The source.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="JsonException">The stream is not a manifest.</exception>
    public static RunManifest ReadManifest(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return JsonSerializer.Deserialize(stream, ArtifactJsonContext.Default.RunManifest) ?? throw new JsonException("The manifest is null.");
    }

    private static void Write<T>(Stream stream, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, value, typeInfo);
        stream.WriteByte((byte)'\n');
    }

    internal sealed record TopProductItem(string ProductId, string Category, decimal Revenue);

    internal sealed record TopCategoryItem(string Category, decimal Revenue);

    internal sealed record SegmentTopCategoryItem(string Segment, string Category, decimal Revenue);

    internal sealed record RecommendationItem(int Rank, string ProductId, double Score, string Reason);

    internal sealed record CustomerItem(string CustomerId, ImmutableArray<RecommendationItem> Items);

    internal sealed record CustomerRecommendationsDocument(string Strategy, ImmutableArray<CustomerItem> Customers);
}
