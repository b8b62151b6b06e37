using System.Diagnostics;
using System.Text.Json;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Benchmarks.Compare;

/// <summary>
/// One run of one approach, in a process of its own so that its peak working set is its own:
/// <c>compare-child --approach NAME --data DIR [--recommend]</c>. Prints one <c>##REPORT {json}</c> line.
/// </summary>
internal static class CompareChild
{
    public const string Command = "compare-child";
    public const string Marker = "##REPORT ";

    public static int Run(Arguments args)
    {
        var approach = Approaches.Create(args.String("approach") ?? throw new ArgumentException("--approach is required."));
        var files = DataFiles.InDirectory(args.String("data") ?? throw new ArgumentException("--data is required."));
        var recommend = args.Flag("recommend");
        args.ThrowIfUnused();

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        var figures = approach.Run(files, phases);
        var seconds = watch.Elapsed.TotalSeconds;
        var peak = PeakMemory.OfThisProcess();
        phases["gc_gen2_collections"] = GC.CollectionCount(2);
        phases["gc_pause_seconds"] = GC.GetTotalPauseDuration().TotalSeconds;

        // Measured after the timed job: what the dataset keeps, and the recommenders' batch over every customer.
        if (approach is LibraryApproach { Dataset: { } dataset })
        {
            var footprint = DatasetFootprint.Measure(dataset, heapBefore);
            phases["dataset_bytes_per_transaction"] = footprint.TotalPerTransaction;
            phases["dataset_column_bytes_per_transaction"] = footprint.ColumnsPerTransaction;
            if (recommend)
            {
                TimeRecommenders(dataset, phases);
            }
        }

        var report = new ChildReport(approach.Name, seconds, peak, figures, phases);
        Console.WriteLine(Marker + JsonSerializer.Serialize(report));
        return 0;
    }

    private static void TimeRecommenders(Enrichment.EnrichedDataset dataset, Dictionary<string, double> phases)
    {
        foreach (var recommender in new IRecommender[] { new PopularityRecommender(), new SegmentAffinityRecommender() })
        {
            var watch = Stopwatch.StartNew();
            var model = recommender.Fit(dataset);
            phases[$"{recommender.Name}_fit"] = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var all = model.RecommendAll();
            phases[$"{recommender.Name}_recommend_all"] = watch.Elapsed.TotalSeconds;
            GC.KeepAlive(all);

            // Single-call latency: the mean over many customers, after a warm-up.
            var customers = dataset.Customers;
            var step = Math.Max(1, customers.Count / 20_000);
            for (var i = 0; i < customers.Count; i += step * 10)
            {
                model.Recommend(customers[i].Id);
            }

            var calls = 0;
            watch.Restart();
            for (var i = 0; i < customers.Count; i += step)
            {
                model.Recommend(customers[i].Id);
                calls++;
            }

            phases[$"{recommender.Name}_recommend_one_us"] = watch.Elapsed.TotalMicroseconds / calls;
        }
    }
}
