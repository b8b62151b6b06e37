using System.Collections.Frozen;
using System.Diagnostics;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;
using Microsoft.Extensions.Logging;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>Fits every registered strategy on one dataset, each inside a <c>CustomerAnalytics.Fit</c> activity and timed
/// by the <c>customer_analytics.fit.duration</c> histogram.</summary>
/// <remarks>The store's stopping token reaches every fit (<see cref="IRecommender.Fit(EnrichedDataset, CancellationToken)"/>),
/// so a host shutting down does not wait for a long fit.</remarks>
internal static class ModelFitter
{
    public static (FrozenDictionary<string, IRecommenderModel> Models, IRelatedProductsModel Related) Fit(
        EnrichedDataset dataset, IReadOnlyList<IRecommender> recommenders, TimeProvider clock, ILogger logger, HostingTelemetry telemetry, IRecommenderModel? saved, CancellationToken cancellationToken)
    {
        var models = new Dictionary<string, IRecommenderModel>(StringComparer.Ordinal);
        foreach (var recommender in recommenders)
        {
            if (models.ContainsKey(recommender.Name))
            {
                throw new InvalidOperationException($"Two recommenders are named '{recommender.Name}'; strategy names must be unique (register one instance per name).");
            }

            if (saved?.StrategyName == recommender.Name)
            {
                // The saved model serves this strategy: not refitted.
                continue;
            }

            models.Add(recommender.Name, Timed(recommender.Name, () => recommender.Fit(dataset, cancellationToken), clock, logger, telemetry));
        }

        if (saved is not null)
        {
            models[saved.StrategyName] = saved;
        }

        var related = models.Values.OfType<IRelatedProductsModel>().FirstOrDefault()
            ?? Timed("item-cooccurrence (related products)", () => new ItemCooccurrenceRecommender().Fit(dataset, cancellationToken), clock, logger, telemetry);
        return (models.ToFrozenDictionary(StringComparer.Ordinal), related);
    }

    private static T Timed<T>(string strategy, Func<T> fit, TimeProvider clock, ILogger logger, HostingTelemetry telemetry)
    {
        using var activity = telemetry.Activities.StartActivity("CustomerAnalytics.Fit");
        activity?.SetTag(HostingTelemetry.StrategyTag, strategy);
        var started = clock.GetTimestamp();
        try
        {
            return fit();
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            var elapsed = clock.GetElapsedTime(started);
            telemetry.FitDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(HostingTelemetry.StrategyTag, strategy));
            HostingLog.Fitted(logger, strategy, elapsed.TotalMilliseconds);
        }
    }
}
