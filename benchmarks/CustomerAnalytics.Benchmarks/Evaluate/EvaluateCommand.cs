using System.Diagnostics;
using System.Globalization;
using System.Text;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Benchmarks.Evaluate;

/// <summary>
/// The <c>evaluate</c> command: compares the recommenders on the real data sets with a global time cut-off, through
/// the library's public API only, and prints (and optionally writes) the tables. See <c>docs/recommender-quality.md</c>.
/// </summary>
internal static class EvaluateCommand
{
    /// <summary>The Online Retail cut-off: train on Dec 2010 – Aug 2011, test on Sep – Dec 9 2011.</summary>
    private static readonly DateTimeOffset OnlineRetailCutoff = new(2011, 9, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The Complete Journey cut-off: train on Jan – Sep 2017, test on Oct – Dec 2017.</summary>
    private static readonly DateTimeOffset CompleteJourneyCutoff = new(2017, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static int Run(Arguments arguments)
    {
        var data = arguments.String("data") ?? FindSharedData();
        var output = arguments.String("out");
        var which = arguments.String("dataset", "all");
        var k = arguments.Int("k", 10);
        var segment = arguments.String("segment", "income");
        var metricsRows = arguments.Int("metrics-rows", 5_000_000);
        arguments.ThrowIfUnused();
        if (which is not ("all" or "online-retail" or "completejourney" or "none"))
        {
            throw new ArgumentException($"--dataset: '{which}' is not one of all, online-retail, completejourney, none.");
        }

        if (output is not null)
        {
            Directory.CreateDirectory(output);
        }

        var report = new StringBuilder();
        if (which is "all" or "online-retail")
        {
            var (dataset, summary) = Timed("load Online Retail", () => EvaluationData.OnlineRetail(data));
            Compare(report, output, "online-retail", "Online Retail (segment = Country; no categories)", dataset, summary, OnlineRetailCutoff, k);
            report.Append(CooccurrenceSpeed(dataset, k));
        }

        if (which is "all" or "completejourney")
        {
            var (dataset, summary) = Timed("load Complete Journey", () => EvaluationData.CompleteJourney(data, segment));
            Compare(report, output, "completejourney", $"Complete Journey sample (segment = {segment}; category = product_category)", dataset, summary, CompleteJourneyCutoff, k);
        }

        if (metricsRows > 0)
        {
            report.Append(MetricsThroughput(metricsRows));
        }

        Console.Write(report.ToString());
        if (output is not null)
        {
            File.WriteAllText(Path.Combine(output, "evaluation.md"), report.ToString().ReplaceLineEndings("\n"));
        }

        return 0;
    }

    /// <summary>The strategies compared: the baselines, co-occurrence variants and the two compositions.</summary>
    private static IRecommender[] Strategies() =>
    [
        new PopularityRecommender(),
        new SegmentAffinityRecommender(),
        new ItemCooccurrenceRecommender(),
        new NamedRecommender("item-cooccurrence cosine", new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { Similarity = ItemSimilarity.Cosine })),
        new NamedRecommender("item-cooccurrence half-life 60d", new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { HalfLifeDays = 60 })),
        new NamedRecommender("item-cooccurrence support 3", new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { MinimumSupport = 3 })),
        new NamedRecommender("item-cooccurrence counts", new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { Similarity = ItemSimilarity.Cooccurrence })),
        new FallbackRecommender(new ItemCooccurrenceRecommender(), new PopularityRecommender()),
        new BlendedRecommender(new WeightedRecommender(new ItemCooccurrenceRecommender(), 1), new WeightedRecommender(new PopularityRecommender(), 1)),
    ];

    private static void Compare(StringBuilder report, string? output, string key, string title, EnrichedDataset dataset, string summary, DateTimeOffset cutoff, int k)
    {
        var split = Timed("split " + key, () => DatasetSplitter.ByTime(dataset, cutoff));
        report.Append(CultureInfo.InvariantCulture, $"## {title}\n\n{summary}; {dataset.Customers.Count:N0} customers, {dataset.Products.Count:N0} products.\n\n");
        var variants = new (string Name, ComparisonOptions Options)[]
        {
            ("exclude", ComparisonOptions.Default with { K = k }),
            ("repeats", ComparisonOptions.Default with { K = k, ExcludePurchased = false }),
        };
        foreach (var (name, options) in variants)
        {
            var table = Timed($"compare {key} ({name})", () => RecommenderComparison.Run(split, Strategies(), options));
            report.Append(table.ToMarkdown()).Append('\n');
            if (output is not null)
            {
                var stem = Path.Combine(output, $"{key}-{name}");
                using (var csv = File.Create(stem + ".csv"))
                {
                    table.WriteCsv(csv);
                }

                using (var json = File.Create(stem + ".json"))
                {
                    table.WriteJson(json);
                }

                File.WriteAllText(stem + ".md", table.ToMarkdown());
            }
        }
    }

    /// <summary>
    /// Co-occurrence fit + top-k for every customer on the whole data set: medians of 5 runs, wall-clock and CPU time of
    /// the process (on a shared machine the CPU time is the steadier figure).
    /// </summary>
    private static string CooccurrenceSpeed(EnrichedDataset dataset, int k)
    {
        var request = RecommendationRequest.Default with { Count = k };
        var process = Process.GetCurrentProcess();
        var fits = new List<(double Wall, double Cpu)>();
        var recommends = new List<(double Wall, double Cpu)>();
        for (var run = 0; run < 5; run++)
        {
            var cpu = Cpu();
            var watch = Stopwatch.StartNew();
            var model = new ItemCooccurrenceRecommender().Fit(dataset);
            fits.Add((watch.Elapsed.TotalMilliseconds, Cpu() - cpu));
            cpu = Cpu();
            watch.Restart();
            _ = model.RecommendAll(request);
            recommends.Add((watch.Elapsed.TotalMilliseconds, Cpu() - cpu));
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"Speed on the whole data set ({dataset.TransactionCount:N0} rows, {dataset.Customers.Count:N0} customers, {dataset.Products.Count:N0} products), item-cooccurrence with default options, medians of 5 runs on {Environment.ProcessorCount} cores: "
            + $"fit {Median(fits, f => f.Wall):0} ms wall ({Median(fits, f => f.Cpu):0} ms CPU), top-{k} for every customer {Median(recommends, r => r.Wall):0} ms wall ({Median(recommends, r => r.Cpu):0} ms CPU).\n\n");

        double Cpu()
        {
            process.Refresh();
            return process.TotalProcessorTime.TotalMilliseconds;
        }

        static double Median(List<(double Wall, double Cpu)> values, Func<(double Wall, double Cpu), double> pick) =>
            values.Select(pick).Order().ElementAt(values.Count / 2);
    }

    /// <summary>Times <see cref="RankingEvaluator.Evaluate"/> on synthetic rows: 10 predictions per customer.</summary>
    private static string MetricsThroughput(int rows)
    {
        var customers = rows / 10;
        var random = new Random(1);
        var ids = Enumerable.Range(0, 20_000).Select(i => "P" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var customerIds = Enumerable.Range(0, customers).Select(i => "C" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var predictions = new ScoredItem[customers * 10];
        var truth = new List<RelevantItem>(customers * 3);
        for (var c = 0; c < customers; c++)
        {
            for (var r = 0; r < 10; r++)
            {
                predictions[(c * 10) + r] = new ScoredItem(customerIds[c], ids[random.Next(ids.Length)], random.NextDouble());
            }

            for (var t = 0; t < 3; t++)
            {
                truth.Add(new RelevantItem(customerIds[c], ids[random.Next(ids.Length)]));
            }
        }

        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var metrics = RankingEvaluator.Evaluate(truth, predictions);
        watch.Stop();
        process.Refresh();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"## Metrics throughput\n\nRankingEvaluator.Evaluate over {predictions.Length:N0} prediction rows and {truth.Count:N0} truth rows ({metrics.Customers:N0} customers): {watch.Elapsed.TotalSeconds:0.00} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:0.00} s CPU.\n");
    }

    private static T Timed<T>(string step, Func<T> run)
    {
        var watch = Stopwatch.StartNew();
        var result = run();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step}: {watch.Elapsed.TotalSeconds:0.00} s"));
        return result;
    }

    /// <summary>The shared data folder: <c>../shared/data</c> from here or from a parent folder.</summary>
    private static string FindSharedData()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The shared data folder (../shared/data) was not found; pass --data DIR.");
    }
}
