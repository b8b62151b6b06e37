using System.Text.Json;
using CustomerAnalytics.Hosting.Tests.Infrastructure;
using CustomerAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerAnalytics.Hosting.Tests;

public sealed class ModelHealthCheckTests
{
    [Fact]
    public async Task Health_BeforeFirstLoad_Unhealthy()
    {
        await using var host = TestHost.Create();

        var health = await host.HealthAsync();

        Assert.Equal((HealthStatus.Unhealthy, "No model loaded yet."), (health.Status, health.Description));
        Assert.Empty(health.Data);
    }

    [Fact]
    public async Task Health_FirstLoadFailed_UnhealthyWithTheError()
    {
        await using var host = TestHost.Create();
        host.Source.Set(Seed.Dataset(), failure: "customers.csv: not found");

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Host.StartAsync());
        var health = await host.HealthAsync();

        Assert.Equal((HealthStatus.Unhealthy, "customers.csv: not found"), (health.Status, health.Description));
        Assert.Equal("2026-01-02T03:04:05.0000000Z", health.Data["lastErrorAt"]);
    }

    [Fact]
    public async Task Health_Serving_HealthyWithAccountAndFittedAt()
    {
        await using var host = await TestHost.StartAsync();

        var health = await host.HealthAsync();

        Assert.Equal((HealthStatus.Healthy, "Model version 1 serving."), (health.Status, health.Description));
        Assert.Equal("2026-01-02T03:04:05.0000000Z", health.Data["fittedAt"]);
        Assert.Equal((1L, "test data", 7, 4, 4), ((long)health.Data["modelVersion"], (string)health.Data["source"], (int)health.Data["transactions"], (int)health.Data["customers"], (int)health.Data["products"]));
        Assert.Equal(["counting", "item-cooccurrence", "popularity", "segment-affinity"], (string[])health.Data["strategies"]);
        Assert.True((bool)health.Data["accountAddsUp"]);
        var account = JsonSerializer.SerializeToElement(health.Data["account"], JsonSerializerOptions.Web);
        Assert.Equal((7, 7), (account.GetProperty("transactionsJoined").GetInt32(), account.GetProperty("transactionsKept").GetInt32()));
    }

    [Fact]
    public async Task Health_ReloadFailed_DegradedThenHealthyAfterTheNextSuccess()
    {
        await using var host = await TestHost.StartAsync();
        host.Source.Set(Seed.Dataset(), failure: "transactions.csv(3): error");
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Store.ReloadAsync());

        var degraded = await host.HealthAsync();
        host.Source.Set(Seed.Dataset());
        await host.Store.ReloadAsync();
        var healthy = await host.HealthAsync();

        Assert.Equal((HealthStatus.Degraded, "The last reload failed (transactions.csv(3): error); model version 1 keeps serving."), (degraded.Status, degraded.Description));
        Assert.Equal("2026-01-02T03:04:35.0000000Z", degraded.Data["lastErrorAt"]);
        Assert.Equal(1L, degraded.Data["modelVersion"]);
        Assert.Equal((HealthStatus.Healthy, 2L), (healthy.Status, healthy.Data["modelVersion"]));
        Assert.False(healthy.Data.ContainsKey("lastErrorAt"));
    }
}
