using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;

namespace CustomerAnalytics.Benchmarks.Suites;

/// <summary>Each KPI calculator on the built dataset. Baseline: revenue by segment the LINQ way, over the row view.</summary>
[MemoryDiagnoser]
public class KpiBenchmarks
{
    private EnrichedDataset _dataset = null!;

    [GlobalSetup]
    public void Setup() => _dataset = BenchData.Dataset();

    [Benchmark(Baseline = true)]
    public List<(string Segment, decimal Revenue)> BySegmentLinqOverRows() =>
        [.. _dataset.Rows.GroupBy(r => r.Segment).Select(g => (g.Key, g.Sum(r => r.Revenue))).OrderByDescending(g => g.Item2)];

    [Benchmark]
    public OverallKpis Overall() => KpiCalculator.Overall(_dataset);

    [Benchmark]
    public ImmutableArray<GroupKpi> BySegment() => KpiCalculator.BySegment(_dataset);

    [Benchmark]
    public ImmutableArray<GroupKpi> ByCategory() => KpiCalculator.ByCategory(_dataset);

    [Benchmark]
    public ImmutableArray<GroupKpi> ByCustomer() => KpiCalculator.ByCustomer(_dataset);

    [Benchmark]
    public ImmutableArray<ProductKpi> TopProducts() => KpiCalculator.TopProducts(_dataset, 10);
}
