// The quick start: load the bundled sample (samples/data), enrich, measure, recommend, write the artifacts.
//   dotnet run --project samples/QuickStart [-- <data folder> <output folder>]
using System.Globalization;
using CustomerAnalytics.Pipeline;

var dataFolder = args.Length > 0 ? args[0] : FindSamplesFolder("data");
var outputFolder = args.Length > 1 ? args[1] : Path.Combine(Path.GetDirectoryName(dataFolder)!, "QuickStart", "output");

var run = AnalyticsPipeline.Run(new PipelineOptions
{
    CustomersPath = Path.Combine(dataFolder, "customers.csv"),
    ProductsPath = Path.Combine(dataFolder, "products.csv"),
    TransactionsPath = Path.Combine(dataFolder, "transactions.csv"),
});
var manifest = run.WriteArtifacts(outputFolder);

var culture = CultureInfo.InvariantCulture; // "$1,474.92" below: the demo's presentation; the artifacts hold plain numbers.
Console.WriteLine($"Customers     {run.Overall.Customers}");
Console.WriteLine($"Transactions  {run.Overall.Transactions}");
Console.WriteLine(string.Create(culture, $"Revenue       ${run.Overall.Revenue:N2}"));
Console.WriteLine();
Console.WriteLine("Top products");
foreach (var p in run.Global.TopProducts)
{
    Console.WriteLine(string.Create(culture, $"  {p.ProductId,-6} {p.Category,-12} {p.Revenue,10:N2}"));
}

Console.WriteLine("Top categories");
foreach (var c in run.Global.TopCategories)
{
    Console.WriteLine(string.Create(culture, $"  {c.Category,-19} {c.Revenue,10:N2}"));
}

Console.WriteLine("Top category per segment");
foreach (var s in run.Global.TopCategoryBySegment)
{
    Console.WriteLine(string.Create(culture, $"  {s.Segment,-11} → {s.Category,-12} {s.Revenue,10:N2}"));
}

Console.WriteLine("Recommended next (" + run.Model.StrategyName + ")");
foreach (var customer in run.Recommendations)
{
    Console.WriteLine($"  {customer.CustomerId}: " + string.Join(", ", customer.Items.Select(i => i.ProductId)));
}

Console.WriteLine("RFM segments");
foreach (var segment in run.Rfm.Segments.Where(s => s.Customers > 0))
{
    Console.WriteLine(string.Create(culture, $"  {segment.Segment,-19} {segment.Customers} customer(s)"));
}

Console.WriteLine(run.Clv is { } clv
    ? string.Create(culture, $"Lifetime value (next {clv.Options.Periods} periods): {clv.TotalClv:N2}")
    : run.ClvNote);
Console.WriteLine();
Console.WriteLine($"Wrote {manifest.Files.Length} files to {Path.GetFullPath(outputFolder)}");
return 0;

// Finds samples/<name> from the working directory or the program's folder, whichever is inside the repository.
static string FindSamplesFolder(string name)
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
    }

    throw new DirectoryNotFoundException($"samples/{name} was not found above {Directory.GetCurrentDirectory()}; pass the data folder as the first argument.");
}
