using System.Diagnostics;
using CsvHelper;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Model;

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
        var overall = KpiCalculator.Overall(dataset);
        var bySegment = KpiCalculator.BySegment(dataset);
        var byCategory = KpiCalculator.ByCategory(dataset);
        var top = KpiCalculator.TopProducts(dataset, 10);
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

    public static void Load(DataFiles files, EnrichedDatasetBuilder builder)
    {
        // Stand-in until the typed loaders land: CsvHelper records into the builder's public API.
        using (var reader = CsvReader.Create(File.OpenRead(files.Customers)))
        {
            foreach (var c in reader.GetRecords<CustomerRecord>())
            {
                builder.AddCustomer(new Customer(c.CustomerId, c.Segment, c.SignupDate));
            }
        }

        using (var reader = CsvReader.Create(File.OpenRead(files.Products)))
        {
            foreach (var p in reader.GetRecords<ProductRecord>())
            {
                builder.AddProduct(new Product(p.ProductId, p.Category, p.Price));
            }
        }

        using (var reader = CsvReader.Create(File.OpenRead(files.Transactions)))
        {
            foreach (var t in reader.GetRecords<TransactionRecord>())
            {
                builder.AddTransaction(new Transaction(t.TxnId.ToString(System.Globalization.CultureInfo.InvariantCulture), t.CustomerId, t.ProductId, t.Qty, t.Ts, OrderId: t.OrderId));
            }
        }
    }
}
