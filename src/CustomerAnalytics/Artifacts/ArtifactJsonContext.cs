using System.Text.Json.Serialization;

namespace CustomerAnalytics.Artifacts;

/// <summary>Source-generated JSON metadata of the artifacts: snake_case names, indented, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(JsonArtifacts.CustomerRecommendationsDocument))]
[JsonSerializable(typeof(JsonArtifacts.TopProductItem[]))]
[JsonSerializable(typeof(JsonArtifacts.TopCategoryItem[]))]
[JsonSerializable(typeof(JsonArtifacts.SegmentTopCategoryItem[]))]
internal sealed partial class ArtifactJsonContext : JsonSerializerContext;
