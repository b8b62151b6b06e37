using System.Text.Json;
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
    /// <param name="products">The products, best first (<see cref="GlobalRecommendations.TopProducts"/>).</param>
    public static void WriteTopProducts(Stream stream, IEnumerable<ProductRevenue> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        Write(stream, products.ToArray(), ArtifactJsonContext.Default.ProductRevenueArray);
    }

    /// <summary>Writes <c>recommendations/top_categories.json</c>: an array of <c>{ category, revenue }</c>.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="categories">The categories, best first (<see cref="GlobalRecommendations.TopCategories"/>).</param>
    public static void WriteTopCategories(Stream stream, IEnumerable<CategoryRevenue> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        Write(stream, categories.ToArray(), ArtifactJsonContext.Default.CategoryRevenueArray);
    }

    /// <summary>Writes <c>recommendations/top_category_per_segment.json</c>: an array of <c>{ segment, category, revenue }</c>.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="segments">Each segment's top category, segments A→Z (<see cref="GlobalRecommendations.TopCategoryBySegment"/>).</param>
    public static void WriteTopCategoryPerSegment(Stream stream, IEnumerable<SegmentTopCategory> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        Write(stream, segments.ToArray(), ArtifactJsonContext.Default.SegmentTopCategoryArray);
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
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(recommendations);

        // Written item by item (not a document serialized whole): the file is as large as the customers are many.
        // The writer's options are the serializer's (ArtifactJsonContext), so the bytes are those it wrote.
        var options = ArtifactJsonContext.Default.Options;
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = options.WriteIndented, Encoder = options.Encoder });
        json.WriteStartObject();
        json.WriteString(StrategyName, strategy);
        json.WriteStartArray(CustomersName);
        foreach (var customer in recommendations)
        {
            json.WriteStartObject();
            json.WriteString(CustomerIdName, customer.CustomerId);
            json.WriteStartArray(ItemsName);
            foreach (var item in customer.Items)
            {
                json.WriteStartObject();
                json.WriteNumber(RankName, item.Rank);
                json.WriteString(ProductIdName, item.ProductId);
                json.WriteNumber(ScoreName, item.Score);
                json.WriteString(ReasonName, item.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            if (json.BytesPending > FlushThreshold)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
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

    private const int FlushThreshold = 1 << 16;

    private static readonly JsonEncodedText StrategyName = JsonEncodedText.Encode("strategy");
    private static readonly JsonEncodedText CustomersName = JsonEncodedText.Encode("customers");
    private static readonly JsonEncodedText CustomerIdName = JsonEncodedText.Encode("customer_id");
    private static readonly JsonEncodedText ItemsName = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText RankName = JsonEncodedText.Encode("rank");
    private static readonly JsonEncodedText ProductIdName = JsonEncodedText.Encode("product_id");
    private static readonly JsonEncodedText ScoreName = JsonEncodedText.Encode("score");
    private static readonly JsonEncodedText ReasonName = JsonEncodedText.Encode("reason");
}
