using CustomerAnalytics.Cli.Commands;
using CustomerAnalytics.Hosting;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>The recommendation strategies the tool offers, by name, made with the settings' strategy options.</summary>
internal static class Strategies
{
    private static readonly Dictionary<string, Func<CustomerAnalyticsRecommenderOptions, IRecommender>> Factories = new(StringComparer.Ordinal)
    {
        ["popularity"] = _ => new PopularityRecommender(),
        ["segment-affinity"] = _ => new SegmentAffinityRecommender(),
        ["item-cooccurrence"] = o => new ItemCooccurrenceRecommender(o.ItemCooccurrence()),
        ["als"] = o => new ImplicitAlsRecommender(o.ImplicitAls()),
        ["ease"] = o => new ToolEase(o.Ease()),
    };

    /// <summary>The default strategy (<see cref="CustomerAnalyticsRecommenderOptions.Strategy"/>'s default).</summary>
    public static string Default { get; } = new CustomerAnalyticsRecommenderOptions().Strategy;

    public static IEnumerable<string> Names => Factories.Keys.Order(StringComparer.Ordinal);

    /// <summary>The strategies <c>evaluate</c> compares when none are named: all but <c>ease</c>, which fails on catalogues over its limit.</summary>
    public static IEnumerable<string> DefaultComparison => Names.Where(n => n != "ease");

    public static bool Exists(string name) => Factories.ContainsKey(name);

    /// <summary>The strategy named by the flag when given, else by the settings (the config file's or the default).</summary>
    public static string NameFor(string? flag, DataSettings settings) => flag ?? settings.Options.Recommender.Strategy;

    public static IRecommender Create(string name, DataSettings settings) =>
        Factories.TryGetValue(name, out var create)
            ? create(settings.Options.Recommender)
            : throw new CliException($"Unknown strategy '{name}'; one of: {string.Join(", ", Names)}.", ExitCodes.UsageError);
}
