using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>
/// The package's metrics (meter <c>CustomerAnalytics</c>) and its activity source (<c>CustomerAnalytics</c>), for
/// OpenTelemetry's <c>AddMeter("CustomerAnalytics")</c> and <c>AddSource("CustomerAnalytics")</c>. The meter comes
/// from the host's <see cref="IMeterFactory"/> when there is one.
/// </summary>
internal sealed class HostingTelemetry : IDisposable
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "CustomerAnalytics";

    /// <summary>The tag naming the strategy of a fit.</summary>
    public const string StrategyTag = "customer_analytics.strategy";

    private static readonly string Version = typeof(HostingTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private readonly bool _ownsMeter;

    public HostingTelemetry(IMeterFactory? factory)
    {
        _ownsMeter = factory is null;
        Meter = factory?.Create(new MeterOptions(Name) { Version = Version }) ?? new Meter(Name, Version);
        Activities = new ActivitySource(Name, Version);
        LoadDuration = Meter.CreateHistogram<double>("customer_analytics.load.duration", "s", "How long loading and enriching the dataset took.");
        FitDuration = Meter.CreateHistogram<double>("customer_analytics.fit.duration", "s", "How long fitting one strategy took (tag customer_analytics.strategy).");
        RowsLoaded = Meter.CreateCounter<long>("customer_analytics.load.rows", "{row}", "Transactions kept by successful loads.");
        ReloadFailures = Meter.CreateCounter<long>("customer_analytics.reload.failures", "{reload}", "Loads or fits that failed; the previous model kept serving.");
        ReloadsCoalesced = Meter.CreateCounter<long>("customer_analytics.reload.coalesced", "{request}", "Reload requests that joined a reload already running.");
    }

    public Meter Meter { get; }

    public ActivitySource Activities { get; }

    public Histogram<double> LoadDuration { get; }

    public Histogram<double> FitDuration { get; }

    public Counter<long> RowsLoaded { get; }

    public Counter<long> ReloadFailures { get; }

    public Counter<long> ReloadsCoalesced { get; }

    public void Dispose()
    {
        Activities.Dispose();
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
