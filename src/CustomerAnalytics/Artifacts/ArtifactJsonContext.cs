using System.Text.Json.Serialization;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Artifacts;

/// <summary>Source-generated JSON metadata of the artifacts: snake_case names, indented, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(ProductRevenue[]))]
[JsonSerializable(typeof(CategoryRevenue[]))]
[JsonSerializable(typeof(SegmentTopCategory[]))]
internal sealed partial class ArtifactJsonContext : JsonSerializerContext;
