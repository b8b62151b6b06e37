using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Tests.Artifacts;

/// <summary>
/// <c>recommendations/by_customer.json</c> as the library wrote it before its <c>Utf8JsonWriter</c> writer: a document
/// serialized whole with the artifacts' serializer options. The reference its bytes are compared with.
/// </summary>
internal static class SerializerRecommendations
{
    public static void Write(Stream stream, string strategy, IEnumerable<CustomerRecommendations> recommendations)
    {
        var document = new Document(
            strategy,
            [.. recommendations.Select(c => new Customer(c.CustomerId, [.. c.Items.Select(i => new Item(i.Rank, i.ProductId, i.Score, i.Reason))]))]);
        JsonSerializer.Serialize(stream, document, SerializerRecommendationsContext.Default.Document);
        stream.WriteByte((byte)'\n');
    }

    internal sealed record Item(int Rank, string ProductId, double Score, string Reason);

    internal sealed record Customer(string CustomerId, ImmutableArray<Item> Items);

    internal sealed record Document(string Strategy, ImmutableArray<Customer> Customers);
}

/// <summary>The options of the library's <c>ArtifactJsonContext</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SerializerRecommendations.Document))]
internal sealed partial class SerializerRecommendationsContext : JsonSerializerContext;
