using CustomerAnalytics.Recommendations;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>
/// The library's strategies as the settings make them (<see cref="CustomerAnalyticsOptions.Recommender"/>), and which of
/// the registered strategies a load fits. The options are read without validation: invalid settings fail the start
/// through <c>ValidateOnStart</c> with every key named, not while the services are made.
/// </summary>
internal static class ConfiguredStrategies
{
    public static ItemCooccurrenceRecommender Cooccurrence(IServiceProvider provider) => Made(() => new ItemCooccurrenceRecommender(Recommender(provider)?.ItemCooccurrence()), () => new());

    public static ImplicitAlsRecommender ImplicitAls(IServiceProvider provider) => Made(() => new ImplicitAlsRecommender(Recommender(provider)?.ImplicitAls()), () => new());

    public static EaseRecommender Ease(IServiceProvider provider) => Made(() => new EaseRecommender(Recommender(provider)?.Ease()), () => new());

    /// <summary>The registered strategies a load fits: every one of the host's own, and the library's that
    /// <see cref="CustomerAnalyticsRecommenderOptions.StrategiesToFit"/> names.</summary>
    public static IEnumerable<IRecommender> Fitted(IServiceProvider provider)
    {
        var enabled = (Recommender(provider) ?? new CustomerAnalyticsRecommenderOptions()).StrategiesToFit();
        return provider.GetServices<IRecommender>()
            .Where(r => !CustomerAnalyticsRecommenderOptions.BuiltInStrategies.Contains(r.Name) || enabled.Contains(r.Name, StringComparer.Ordinal));
    }

    /// <summary>The strategy with the settings' options, or with the library's when they are invalid (the start fails on them).</summary>
    private static T Made<T>(Func<T> configured, Func<T> defaults)
    {
        try
        {
            return configured();
        }
        catch (ArgumentException)
        {
            return defaults();
        }
    }

    private static CustomerAnalyticsRecommenderOptions? Recommender(IServiceProvider provider)
    {
        try
        {
            return provider.GetServices<OptionsSetup>().Aggregate(new CustomerAnalyticsOptions(), (o, setup) => setup.Apply(o)).Recommender;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
