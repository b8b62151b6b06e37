using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>The recommendation strategies the tool offers, by name.</summary>
internal static class Strategies
{
    public const string Default = "segment-affinity";

    private static readonly Dictionary<string, Func<IRecommender>> Factories = new(StringComparer.Ordinal)
    {
        ["popularity"] = () => new PopularityRecommender(),
        ["segment-affinity"] = () => new SegmentAffinityRecommender(),
        ["item-cooccurrence"] = () => new ItemCooccurrenceRecommender(),
        ["als"] = () => new ImplicitAlsRecommender(),
    };

    public static IEnumerable<string> Names => Factories.Keys.Order(StringComparer.Ordinal);

    public static bool Exists(string name) => Factories.ContainsKey(name);

    public static IRecommender Create(string name) =>
        Factories.TryGetValue(name, out var create)
            ? create()
            : throw new CliException($"Unknown strategy '{name}'; one of: {string.Join(", ", Names)}.", ExitCodes.UsageError);
}
