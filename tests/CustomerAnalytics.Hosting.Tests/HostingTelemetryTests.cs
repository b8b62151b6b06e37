using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CustomerAnalytics.Hosting.Internal;
using CustomerAnalytics.Hosting.Tests.Infrastructure;
using CustomerAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerAnalytics.Hosting.Tests;

public sealed class HostingTelemetryTests
{
    [Fact]
    public async Task Metrics_LoadFitRowsFailuresAndCoalesced_Emitted()
    {
        await using var host = TestHost.Create();
        var telemetry = host.Host.Services.GetRequiredService<HostingTelemetry>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string? Strategy)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, telemetry.Meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Strategy(tags))));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Strategy(tags))));
        listener.Start();

        await host.Host.StartAsync();
        host.Source.Set(Seed.Dataset(), failure: "broken");
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Store.ReloadAsync());
        var gate = host.Source.Hold();
        host.Source.Set(Seed.Dataset());
        var first = host.Store.ReloadAsync();
        var second = host.Store.ReloadAsync();
        gate.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal("CustomerAnalytics", telemetry.Meter.Name);
        var byName = measurements.ToLookup(m => m.Instrument);
        Assert.Equal(2, byName["customer_analytics.load.duration"].Count());
        Assert.Equal(
            ["counting", "counting", "item-cooccurrence", "item-cooccurrence", "popularity", "popularity", "segment-affinity", "segment-affinity"],
            byName["customer_analytics.fit.duration"].Select(m => m.Strategy).Order(StringComparer.Ordinal));
        Assert.Equal([7.0, 7.0], byName["customer_analytics.load.rows"].Select(m => m.Value));
        Assert.Equal([1.0], byName["customer_analytics.reload.failures"].Select(m => m.Value));
        Assert.Equal([1.0], byName["customer_analytics.reload.coalesced"].Select(m => m.Value));
        Assert.All(byName["customer_analytics.load.duration"], m => Assert.True(m.Value >= 0));
    }

    [Fact]
    public async Task Activities_ReloadAroundLoadAndOneFitPerStrategy()
    {
        await using var host = TestHost.Create();
        var telemetry = host.Host.Services.GetRequiredService<HostingTelemetry>();
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, telemetry.Activities),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await host.Host.StartAsync();

        var reload = Assert.Single(stopped, a => a.OperationName == "CustomerAnalytics.Reload");
        var load = Assert.Single(stopped, a => a.OperationName == "CustomerAnalytics.Load");
        var fits = stopped.Where(a => a.OperationName == "CustomerAnalytics.Fit").ToList();
        Assert.Equal(reload.SpanId, load.ParentSpanId);
        Assert.Equal(7, load.GetTagItem("customer_analytics.transactions"));
        Assert.Equal(["counting", "item-cooccurrence", "popularity", "segment-affinity"], fits.Select(f => (string)f.GetTagItem("customer_analytics.strategy")!).Order(StringComparer.Ordinal));
        Assert.All(fits, f => Assert.Equal(reload.SpanId, f.ParentSpanId));
        Assert.Equal(1L, reload.GetTagItem("customer_analytics.model_version"));
    }

    private static string? Strategy(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == HostingTelemetry.StrategyTag)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
