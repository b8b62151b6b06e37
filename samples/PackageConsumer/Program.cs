using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
using CustomerAnalytics.Pipeline;
using CustomerAnalytics.Reporting;

// A host that consumes the package by version: data it has in memory, plus transactions read from CSV text.
const string transactionsCsv = """
    txn_id,customer_id,product_id,qty,ts
    1,C1,P1,2,2024-05-01T09:00:00Z
    2,C2,P2,10,2024-05-01T10:00:00Z
    """;

var builder = new EnrichedDatasetBuilder()
    .AddCustomers([new Customer("C1", "Retail"), new Customer("C2", "Wholesale")])
    .AddProducts([new Product("P1", "Tea", 4.50m), new Product("P2", "Coffee", 12.00m)]);
var report = TransactionLoader.LoadInto(builder, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(transactionsCsv)), "inline.csv");
var run = AnalyticsPipeline.Analyze(builder.Build());

// The dashboard, from the Reporting package, in three lines.
var dashboard = Path.Combine(Path.GetTempPath(), $"consumer-{Environment.ProcessId}", DashboardWriter.DefaultFileName);
DashboardWriter.Write(DashboardDocument.FromRun(run, DashboardOptions.Default with { Currency = "GBP" }), dashboard);
var html = File.ReadAllText(dashboard);
Directory.Delete(Path.GetDirectoryName(dashboard)!, recursive: true);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"customers={run.Overall.Customers} transactions={run.Overall.Transactions} revenue={run.Overall.Revenue} dashboard={html.Length} chars"));
return report.RowsLoaded == 2 && run.Overall.Revenue == 129.00m && run.Recommendations.Length == 2 && html.Contains("£129.00", StringComparison.Ordinal) ? 0 : 1;
