using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;
using static CustomerAnalytics.Tests.Recommendations.RecommendationData;

namespace CustomerAnalytics.Tests.Recommendations;

/// <summary>The request handling every baseline model shares (popularity and segment affinity serve from it).</summary>
public sealed class CandidateListModelTests
{
    private static readonly Lazy<EnrichedDataset> LargeDataset = new(Synthetic);

    public static TheoryData<string> Strategies => ["popularity", "segment-affinity"];

    public static TheoryData<string, int> StrategiesAndRequests
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var strategy in new[] { "popularity", "segment-affinity" })
            {
                for (var request = 0; request < Requests.Length; request++)
                {
                    data.Add(strategy, request);
                }
            }

            return data;
        }
    }

    private static RecommendationRequest[] Requests =>
    [
        RecommendationRequest.Default,
        new() { ExcludePurchased = false },
        new() { Count = 1 },
        new() { Count = 0 },
        new() { Count = 3, DeniedProductIds = Set("P200", "Q000", "Q001") },
        new() { Count = 5, AllowedProductIds = Set("P100", "P300", "P400", "Q005", "Q010", "Q020", "Q030", "Q040", "Q050", "Q060") },
        new() { ExcludePurchased = false, AllowedProductIds = Set("P300", "Q002", "Q003"), DeniedProductIds = Set("Q003") },
    ];

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Recommend_AllowedProducts_OnlyThose(string strategy)
    {
        var model = Fit(strategy, Seed.Dataset());

        var items = model.Recommend("C004", new RecommendationRequest { AllowedProductIds = Set("P300", "P100", "P999") });

        // P100 is allowed but bought; P999 does not exist.
        Assert.Equal(["P300"], Ids(items));
        Assert.Equal(1, items[0].Rank);
    }

    [Fact]
    public void Recommend_DeniedProducts_Skipped()
    {
        var model = Fit("popularity", Seed.Dataset());

        var items = model.Recommend("C004", new RecommendationRequest { DeniedProductIds = Set("P200") });

        Assert.Equal(["P300", "P400"], Ids(items));
        Assert.Equal([1, 2], items.Select(r => r.Rank));
    }

    [Fact]
    public void Recommend_AllowedAndDenied_DenyWins()
    {
        var model = Fit("popularity", Seed.Dataset());

        var request = new RecommendationRequest { AllowedProductIds = Set("P200", "P300"), DeniedProductIds = Set("P300"), ExcludePurchased = false };

        Assert.Equal(["P200"], Ids(model.Recommend("C001", request)));
    }

    [Fact]
    public void Recommend_UnknownCustomerWithFilters_FiltersApplyNothingExcludedAsPurchased()
    {
        var model = Fit("segment-affinity", Seed.Dataset());

        var items = model.Recommend("C999", new RecommendationRequest { Count = 2, DeniedProductIds = Set("P300") });

        Assert.Equal(["P200", "P100"], Ids(items));
    }

    [Theory]
    [InlineData(1, new[] { "P200" })]
    [InlineData(2, new[] { "P200", "P300" })]
    [InlineData(3, new[] { "P200", "P300", "P400" })]
    [InlineData(100, new[] { "P200", "P300", "P400" })]
    public void Recommend_Count_ExactlyCountWhenEnoughCandidates(int count, string[] expected)
    {
        var model = Fit("popularity", Seed.Dataset());

        var items = model.Recommend("C004", new RecommendationRequest { Count = count });

        Assert.Equal(expected, Ids(items));
        Assert.Equal(Enumerable.Range(1, expected.Length), items.Select(r => r.Rank));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Recommend_CountZero_Empty(string strategy)
    {
        var model = Fit(strategy, Seed.Dataset());

        Assert.Empty(model.Recommend("C001", new RecommendationRequest { Count = 0 }));
        Assert.Empty(model.Recommend("C999", new RecommendationRequest { Count = 0 }));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Recommend_InvalidArguments_Throw(string strategy)
    {
        var model = Fit(strategy, Seed.Dataset());
        var negative = new RecommendationRequest { Count = -1 };

        Assert.Throws<ArgumentNullException>(() => model.Recommend(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Recommend("C001", negative));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.RecommendAll(negative));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Recommend_EmptyDataset_EmptyForAnyone(string strategy)
    {
        var model = Fit(strategy, new EnrichedDatasetBuilder().Build());

        Assert.Empty(model.Recommend("C001"));
        Assert.Empty(model.RecommendAll());
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void RecommendAll_Seed_EveryCustomerInDatasetOrder(string strategy)
    {
        var model = Fit(strategy, Seed.Dataset());

        var all = model.RecommendAll();

        Assert.Equal(["C001", "C002", "C003", "C004"], all.Select(c => c.CustomerId));
    }

    [Fact]
    public void RecommendAll_SeedPopularity_HandCalculated()
    {
        var all = Fit("popularity", Seed.Dataset()).RecommendAll();

        Assert.Equal(["P300"], Ids(all[0].Items));
        Assert.Equal(["P200", "P400"], Ids(all[1].Items));
        Assert.Equal(["P300", "P100", "P400"], Ids(all[2].Items));
        Assert.Equal(["P200", "P300", "P400"], Ids(all[3].Items));
    }

    [Theory]
    [MemberData(nameof(StrategiesAndRequests))]
    public void RecommendAll_Seed_EqualsRecommendPerCustomer(string strategy, int request)
    {
        AssertBatchEqualsSingle(Fit(strategy, Seed.Dataset()), Seed.Dataset(), Requests[request]);
    }

    [Theory]
    [MemberData(nameof(StrategiesAndRequests))]
    public void RecommendAll_LargeDataset_EqualsRecommendPerCustomer(string strategy, int request)
    {
        AssertBatchEqualsSingle(Fit(strategy, LargeDataset.Value), LargeDataset.Value, Requests[request]);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Recommend_ManyThreads_IdenticalResults(string strategy)
    {
        var dataset = LargeDataset.Value;
        var model = Fit(strategy, dataset);
        var customers = dataset.Customers.Take(2_000).Select(c => c.Id).Append("unknown").ToArray();
        var expected = customers.Select(c => model.Recommend(c)).ToArray();

        var mismatches = 0;
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            for (var i = 0; i < customers.Length; i++)
            {
                // Each thread walks the customers from a different starting point.
                var c = (i + (thread * 131)) % customers.Length;
                if (!expected[c].SequenceEqual(model.Recommend(customers[c])))
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        });

        Assert.Equal(0, mismatches);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void RecommendAll_ManyThreads_IdenticalResults(string strategy)
    {
        var model = Fit(strategy, Seed.Dataset());
        var expected = model.RecommendAll();

        var results = new List<CustomerRecommendations>[8];
        Parallel.For(0, results.Length, i => results[i] = [.. model.RecommendAll()]);

        Assert.All(results, r => Assert.Equal(expected.Select(Flatten), r.Select(Flatten)));
    }

    [Fact]
    public void Fit_SameDataset_Deterministic()
    {
        var first = Fit("segment-affinity", LargeDataset.Value).RecommendAll();
        var second = Fit("segment-affinity", LargeDataset.Value).RecommendAll();

        Assert.Equal(first.Select(Flatten), second.Select(Flatten));
    }

    private static void AssertBatchEqualsSingle(IRecommenderModel model, EnrichedDataset dataset, RecommendationRequest request)
    {
        var all = model.RecommendAll(request);

        Assert.Equal(dataset.Customers.Count, all.Length);
        for (var c = 0; c < all.Length; c++)
        {
            var id = dataset.Customers[c].Id;
            Assert.Equal(id, all[c].CustomerId);
            Assert.Equal(model.Recommend(id, request).ToArray(), all[c].Items.ToArray());
        }
    }

    private static string Flatten(CustomerRecommendations recommendations) =>
        recommendations.CustomerId + ":" + string.Join(",", recommendations.Items.Select(r => $"{r.ProductId}/{r.Rank}/{r.Score:R}/{r.Reason}"));

    private static IRecommenderModel Fit(string strategy, EnrichedDataset dataset) =>
        strategy switch
        {
            "popularity" => new PopularityRecommender().Fit(dataset),
            _ => new SegmentAffinityRecommender().Fit(dataset),
        };
}
