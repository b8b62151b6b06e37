using CustomerAnalytics.Hosting.Tests.Infrastructure;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Hosting.Tests;

public sealed class ModelRefreshTests
{
    [Fact]
    public async Task RefreshInterval_EachTick_ReloadsAndAFailedTickKeepsServing()
    {
        await using var host = await TestHost.StartAsync(CustomerAnalyticsOptionsTests.Settings(("RefreshInterval", "01:00:00")));
        Assert.Equal(1, host.Source.Loads);

        host.Clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(50);
        Assert.Equal(1, host.Source.Loads);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await TestHost.Eventually(() => host.Store.Current!.Version == 2);

        host.Source.Set(Seed.Dataset(), failure: "the warehouse is down");
        host.Clock.Advance(TimeSpan.FromHours(1));
        await TestHost.Eventually(() => host.Store.LastError is not null);
        Assert.Equal(2, host.Store.Current!.Version);

        host.Source.Set(TestHost.SeedWithNewProduct());
        host.Clock.Advance(TimeSpan.FromHours(1));
        await TestHost.Eventually(() => host.Store.Current!.Version == 3);
        Assert.Equal((4, 8), (host.Source.Loads, host.Store.Current.Dataset.TransactionCount));
        Assert.Null(host.Store.LastError);
    }

    [Fact]
    public async Task NoRefreshInterval_TimePasses_NoReload()
    {
        await using var host = await TestHost.StartAsync();

        host.Clock.Advance(TimeSpan.FromDays(30));
        await Task.Delay(50);

        Assert.Equal(1, host.Source.Loads);
    }
}
