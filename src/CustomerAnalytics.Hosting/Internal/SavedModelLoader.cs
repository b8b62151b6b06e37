using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Recommendations.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>
/// Reads <see cref="CustomerAnalyticsOptions.SavedModelPath"/> (relative to <paramref name="contentRoot"/>) at every load,
/// and applies <see cref="CustomerAnalyticsOptions.SavedModelFallback"/> when it cannot. The options are read at the load,
/// not when the store is built, so invalid settings still fail through their validation at start-up.
/// </summary>
internal sealed class SavedModelLoader(IOptions<CustomerAnalyticsOptions> options, string contentRoot)
{
    /// <summary>The saved model; <see langword="null"/> when none is set, or when it cannot be read and the fallback is to fit.</summary>
    /// <exception cref="InvalidOperationException">It cannot be read and the fallback is <see cref="SavedModelFallback.Fail"/>.</exception>
    public IRecommenderModel? Load(ILogger logger, TimeProvider clock)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.SavedModelPath))
        {
            return null;
        }

        var path = Path.GetFullPath(settings.SavedModelPath, contentRoot);
        var fallback = settings.SavedModelFallback;
        var name = Path.GetFileName(path);
        string problem;
        try
        {
            var started = clock.GetTimestamp();
            var model = RecommenderModelFile.LoadFile(path);
            var milliseconds = clock.GetElapsedTime(started).TotalMilliseconds;
            HostingLog.SavedModelLoaded(logger, model.StrategyName, name, milliseconds);
            return model;
        }
        catch (FileNotFoundException)
        {
            problem = $"the saved model '{name}' does not exist. Write it with 'customer-analytics fit --save {name}' or RecommenderModelFile.SaveFile";
        }
        catch (DirectoryNotFoundException)
        {
            problem = $"the folder of the saved model '{name}' does not exist";
        }
        catch (InvalidDataException e)
        {
            problem = e.Message.TrimEnd('.');
        }

        if (fallback == SavedModelFallback.Fit)
        {
            HostingLog.SavedModelSkipped(logger, problem);
            return null;
        }

        throw new InvalidOperationException(
            $"{nameof(CustomerAnalyticsOptions.SavedModelPath)}: {problem}. Fix the file, or set {nameof(CustomerAnalyticsOptions.SavedModelFallback)} to {nameof(SavedModelFallback.Fit)} to fit from the data when it cannot be loaded.");
    }
}
