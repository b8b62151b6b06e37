using Microsoft.Extensions.Logging;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>The package's log messages (source-generated).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Model version {Version} serving: {Transactions} transactions, {Customers} customers, {Products} products from {Source}; loaded in {LoadMilliseconds:F0} ms, fitted in {FitMilliseconds:F0} ms")]
    public static partial void Loaded(ILogger logger, long version, int transactions, int customers, int products, string source, double loadMilliseconds, double fitMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Loading or fitting the model failed; version {Version} keeps serving (0: none)")]
    public static partial void Failed(ILogger logger, Exception exception, long version);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "A reload request joined the reload already running")]
    public static partial void Joined(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "The model refreshes every {Interval}")]
    public static partial void Scheduled(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Fitted {Strategy} in {Milliseconds:F0} ms")]
    public static partial void Fitted(ILogger logger, string strategy, double milliseconds);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Loaded the saved {Strategy} model from {File} in {Milliseconds:F0} ms (not refitted)")]
    public static partial void SavedModelLoaded(ILogger logger, string strategy, string file, double milliseconds);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "The saved model was not used, fitting from the data instead: {Problem}")]
    public static partial void SavedModelSkipped(ILogger logger, string problem);
}
