using CustomerAnalytics.Hosting.Tests.Infrastructure;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Hosting.Tests;

public sealed class ModelStoreTests
{
    [Fact]
    public async Task Start_FirstLoad_Version1WithEveryStrategy()
    {
        await using var host = await TestHost.StartAsync();

        var snapshot = host.Store.Current!;

        Assert.Equal(1, snapshot.Version);
        Assert.Equal(TestHost.Start, snapshot.FittedAt);
        Assert.Equal("test data", snapshot.Source);
        Assert.Equal(7, snapshot.Dataset.TransactionCount);
        Assert.Equal(["counting", "item-cooccurrence", "popularity", "segment-affinity"], snapshot.Strategies.ToArray());
        Assert.Equal("item-cooccurrence", snapshot.Related.StrategyName);
        Assert.Null(host.Store.LastError);
    }

    [Fact]
    public async Task Reload_NewData_SwapsWholeSnapshotAndLeavesTheOldOneIntact()
    {
        await using var host = await TestHost.StartAsync();
        var old = host.Store.Current!;
        host.Source.Set(TestHost.SeedWithNewProduct());

        var next = await host.Store.ReloadAsync();

        Assert.Same(next, host.Store.Current);
        Assert.Equal((2L, 8, 5), (next.Version, next.Dataset.TransactionCount, next.Dataset.Products.Count));
        Assert.Equal((1L, 7, 4), (old.Version, old.Dataset.TransactionCount, old.Dataset.Products.Count));
        Assert.Equal(["P200"], next.Related.RelatedTo("P500").Select(r => r.ProductId));
        Assert.DoesNotContain(old.Dataset.Products, p => p.Id == "P500");
    }

    [Fact]
    public async Task Reload_WhileReading_EverySnapshotConsistentWithItsVersion()
    {
        // Odd versions hold the seed (7 transactions, P200 related to P400, P100), even ones the seed with P500 (8; P400, P500, P100).
        await using var host = await TestHost.StartAsync();
        var withNew = TestHost.SeedWithNewProduct();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var checkedSnapshots = 0;
            while (!stop.IsCancellationRequested || checkedSnapshots == 0)
            {
                var snapshot = host.Store.Current!;
                var even = snapshot.Version % 2 == 0;
                Assert.Equal(even ? 8 : 7, snapshot.Dataset.TransactionCount);
                Assert.Equal(even ? ["P400", "P500", "P100"] : ["P400", "P100"], snapshot.Related.RelatedTo("P200").Select(r => r.ProductId));
                checkedSnapshots++;
            }

            return checkedSnapshots;
        })).ToArray();

        for (var i = 0; i < 6; i++)
        {
            host.Source.Set(i % 2 == 0 ? withNew : Seed.Dataset());
            await host.Store.ReloadAsync();
        }

        await stop.CancelAsync();
        Assert.All(await Task.WhenAll(readers), n => Assert.True(n > 0));
        Assert.Equal(7, host.Store.Current!.Version);
    }

    [Fact]
    public async Task Reload_TwelveConcurrent_OneLoadAndOneFitSharedByAll()
    {
        await using var host = await TestHost.StartAsync();
        Assert.Equal((1, 1), (host.Source.Loads, host.Counting.Fits));
        var gate = host.Source.Hold();

        var reloads = Enumerable.Range(0, 12).Select(_ => Task.Run(() => host.Store.ReloadAsync())).ToArray();
        await TestHost.Eventually(() => host.Store.CoalescedReloads == 11);
        gate.SetResult();
        var snapshots = await Task.WhenAll(reloads);

        Assert.All(snapshots, s => Assert.Same(snapshots[0], s));
        Assert.Equal(2, snapshots[0].Version);
        Assert.Equal((2, 2), (host.Source.Loads, host.Counting.Fits));
    }

    [Fact]
    public async Task Reload_AfterACoalescedOneFinished_StartsANewOne()
    {
        await using var host = await TestHost.StartAsync();

        await host.Store.ReloadAsync();
        var third = await host.Store.ReloadAsync();

        Assert.Equal(3, third.Version);
        Assert.Equal(3, host.Source.Loads);
        Assert.Equal(0, host.Store.CoalescedReloads);
    }

    [Fact]
    public async Task Reload_Failing_OldModelKeepsServingAndErrorReported()
    {
        await using var host = await TestHost.StartAsync();
        var serving = host.Store.Current;
        host.Source.Set(Seed.Dataset(), failure: "transactions.csv(3): error, column 'qty': not a whole number");
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Store.ReloadAsync());

        Assert.Equal("transactions.csv(3): error, column 'qty': not a whole number", error.Message);
        Assert.Same(serving, host.Store.Current);
        Assert.Equal(error.Message, host.Store.LastError);
        Assert.Equal(TestHost.Start.AddMinutes(5), host.Store.LastErrorAt);

        host.Source.Set(Seed.Dataset());
        Assert.Equal(2, (await host.Store.ReloadAsync()).Version);
        Assert.Null(host.Store.LastError);
        Assert.Null(host.Store.LastErrorAt);
    }

    [Fact]
    public async Task Reload_CallerCancels_ReloadRunsOnForTheOthers()
    {
        await using var host = await TestHost.StartAsync();
        var gate = host.Source.Hold();
        using var cancel = new CancellationTokenSource();

        var waiting = host.Store.ReloadAsync(cancel.Token);
        var other = host.Store.ReloadAsync();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        gate.SetResult();

        Assert.Equal(2, (await other).Version);
    }
}
