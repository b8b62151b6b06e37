using CustomerAnalytics.Hosting.Tests.Infrastructure;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Recommendations.Persistence;

namespace CustomerAnalytics.Hosting.Tests;

/// <summary><see cref="CustomerAnalyticsOptions.SavedModelPath"/>: the store serves a saved model instead of fitting its strategy.</summary>
public sealed class SavedModelStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ca-saved-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Start_SavedModel_ServedUnderItsStrategyWithoutRefitting()
    {
        // The saved popularity model was fitted on the seed with P500 (5 products); the store's data is the seed (4):
        // the snapshot's popularity model is the saved one, the other strategies are fitted from the data.
        var path = Path.Combine(_folder, "popularity.cam");
        var fitted = new PopularityRecommender().Fit(TestHost.SeedWithNewProduct());
        RecommenderModelFile.SaveFile(fitted, path);

        await using var host = await TestHost.StartAsync(CustomerAnalyticsOptionsTests.Settings(("SavedModelPath", path)));

        var snapshot = host.Store.Current!;
        Assert.Equal(4, snapshot.Dataset.Products.Count);
        var request = RecommendationRequest.Default with { Count = 10, ExcludePurchased = false };
        var served = snapshot.Models["popularity"].Recommend("C001", request);
        Assert.Equal(fitted.Recommend("C001", request).Select(r => (r.ProductId, r.Rank, r.Score, r.Reason)), served.Select(r => (r.ProductId, r.Rank, r.Score, r.Reason)));
        Assert.Contains("P500", served.Select(r => r.ProductId));
        Assert.Equal(1, host.Counting.Fits);
        Assert.Equal(["counting", "item-cooccurrence", "popularity", "segment-affinity"], snapshot.Strategies.ToArray());
    }

    [Fact]
    public async Task Start_MissingSavedModel_FailsNamingTheSettingAndTheFix()
    {
        await using var host = TestHost.Create(CustomerAnalyticsOptionsTests.Settings(("SavedModelPath", Path.Combine(_folder, "missing.cam"))));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.Host.StartAsync());

        Assert.Contains("SavedModelPath: the saved model 'missing.cam' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("SavedModelFallback to Fit", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DamagedSavedModelWithFallbackFit_FitsFromTheData()
    {
        var path = Path.Combine(_folder, "damaged.cam");
        RecommenderModelFile.SaveFile(new PopularityRecommender().Fit(TestHost.SeedWithNewProduct()), path);
        var bytes = File.ReadAllBytes(path);
        bytes[^40] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        await using var host = await TestHost.StartAsync(CustomerAnalyticsOptionsTests.Settings(("SavedModelPath", path), ("SavedModelFallback", "Fit")));

        var snapshot = host.Store.Current!;
        var served = snapshot.Models["popularity"].Recommend("C001", RecommendationRequest.Default with { Count = 10, ExcludePurchased = false });
        Assert.Equal(4, served.Length);
        Assert.DoesNotContain("P500", served.Select(r => r.ProductId));
        Assert.Null(host.Store.LastError);
    }
}
