using System.Collections.Immutable;
using System.Diagnostics;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Benchmarks.Compare;

/// <summary>This library: the loaders stream rows into an <see cref="EnrichedDatasetBuilder"/>, then the KPI calculators.</summary>
internal sealed class LibraryApproach : IJobApproach
{
    public string Name => "library";

    /// <summary>The dataset of the last run, kept for the measurements that follow the timed job.</summary>
    public EnrichedDataset? Dataset { get; private set; }

    public JobFigures Run(DataFiles files, IDictionary<string, double> phases)
    {
        var watch = Stopwatch.StartNew();
        var builder = new EnrichedDatasetBuilder();
        Load(files, builder);
        phases["load"] = watch.Elapsed.TotalSeconds;
        var dataset = builder.Build();
        phases["enrich"] = watch.Elapsed.TotalSeconds - phases["load"];
        var figures = Figures(dataset);
        phases["kpis"] = watch.Elapsed.TotalSeconds - phases["load"] - phases["enrich"];
        Dataset = dataset;
        return figures;
    }

    public static JobFigures Figures(EnrichedDataset dataset)
    {
        // The calculators are pure functions of an immutable dataset: run them on both cores.
        OverallKpis overall = null!;
        ImmutableArray<GroupKpi> bySegment = default, byCategory = default;
        ImmutableArray<ProductKpi> top = default;
        Parallel.Invoke(
            () => top = KpiCalculator.TopProducts(dataset, 10),
            () => byCategory = KpiCalculator.ByCategory(dataset),
            () => bySegment = KpiCalculator.BySegment(dataset),
            () => overall = KpiCalculator.Overall(dataset));
        return new JobFigures(
            overall.Customers,
            overall.Transactions,
            overall.Orders,
            overall.Units,
            overall.Revenue,
            overall.AverageOrderValue,
            [.. bySegment.Select(Group)],
            [.. byCategory.Select(Group)],
            [.. top.Select(p => new ProductFigures(p.ProductId, p.Category, p.Revenue, p.Units))]);
    }

    private static GroupFigures Group(GroupKpi g) => new(g.Key, g.Revenue, g.Units, g.Orders, g.Customers, g.Transactions);

    /// <summary>
    /// The library's loading: the transactions stream into the builder on this thread while customers and products
    /// load on the other core; they join the builder when the transactions are in (the builder takes them in any order).
    /// </summary>
    public static void Load(DataFiles files, EnrichedDatasetBuilder builder)
    {
        var customers = Task.Run(() => CustomerLoader.Load(files.Customers));
        var products = Task.Run(() => ProductLoader.Load(files.Products));
        TransactionLoader.LoadInto(builder, files.Transactions);
        builder.AddCustomers(customers.GetAwaiter().GetResult().Rows);
        builder.AddProducts(products.GetAwaiter().GetResult().Rows);
    }
}
