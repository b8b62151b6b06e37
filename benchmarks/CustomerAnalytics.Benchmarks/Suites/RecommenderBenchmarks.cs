using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Benchmarks.Suites;

/// <summary>Fitting each recommender on the built dataset. Baseline: popularity.</summary>
[MemoryDiagnoser]
public class RecommenderFitBenchmarks
{
    private EnrichedDataset _dataset = null!;

    [GlobalSetup]
    public void Setup() => _dataset = BenchData.Dataset();

    [Benchmark(Baseline = true)]
    public IRecommenderModel FitPopularity() => new PopularityRecommender().Fit(_dataset);

    [Benchmark]
    public IRecommenderModel FitSegmentAffinity() => new SegmentAffinityRecommender().Fit(_dataset);
}

/// <summary>
/// Serving fitted models: one customer's top 10 (excluding purchases), and the top 10 of every customer.
/// Baseline: one popularity recommendation.
/// </summary>
[MemoryDiagnoser]
public class RecommendBenchmarks
{
    private IRecommenderModel _popularity = null!;
    private IRecommenderModel _segmentAffinity = null!;
    private string _customer = "";

    [GlobalSetup]
    public void Setup()
    {
        var dataset = BenchData.Dataset();
        _popularity = new PopularityRecommender().Fit(dataset);
        _segmentAffinity = new SegmentAffinityRecommender().Fit(dataset);

        // A typical repeat buyer: the customer with the median number of purchase lines among buyers.
        var lines = new int[dataset.Customers.Count];
        foreach (var c in dataset.CustomerIndexes)
        {
            lines[c]++;
        }

        var buyers = Enumerable.Range(0, lines.Length).Where(c => lines[c] > 0).OrderBy(c => lines[c]).ThenBy(c => c).ToArray();
        _customer = dataset.Customers[buyers[buyers.Length / 2]].Id;
    }

    [Benchmark(Baseline = true)]
    public ImmutableArray<Recommendation> RecommendOnePopularity() => _popularity.Recommend(_customer);

    [Benchmark]
    public ImmutableArray<Recommendation> RecommendOneSegmentAffinity() => _segmentAffinity.Recommend(_customer);

    [Benchmark]
    public ImmutableArray<CustomerRecommendations> RecommendAllPopularity() => _popularity.RecommendAll();

    [Benchmark]
    public ImmutableArray<CustomerRecommendations> RecommendAllSegmentAffinity() => _segmentAffinity.RecommendAll();
}
