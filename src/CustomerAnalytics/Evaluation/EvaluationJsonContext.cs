using System.Text.Json.Serialization;

namespace CustomerAnalytics.Evaluation;

/// <summary>Source-generated JSON metadata of the evaluation outputs: snake_case names, indented, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ComparisonTable.ComparisonDocument))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
