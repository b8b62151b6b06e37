using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Model;

// A host that has its data in memory already: no files, just the package's API.
var dataset = new EnrichedDatasetBuilder()
    .AddCustomers([new Customer("C1", "Retail"), new Customer("C2", "Wholesale")])
    .AddProducts([new Product("P1", "Tea", 4.50m), new Product("P2", "Coffee", 12.00m)])
    .AddTransactions(
    [
        new Transaction("1", "C1", "P1", 2, DateTimeOffset.Parse("2024-05-01T09:00:00Z", CultureInfo.InvariantCulture)),
        new Transaction("2", "C2", "P2", 10, DateTimeOffset.Parse("2024-05-01T10:00:00Z", CultureInfo.InvariantCulture)),
    ])
    .Build();

var overall = KpiCalculator.Overall(dataset);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"customers={overall.Customers} transactions={overall.Transactions} revenue={overall.Revenue}"));
return overall.Revenue == 129.00m ? 0 : 1;
