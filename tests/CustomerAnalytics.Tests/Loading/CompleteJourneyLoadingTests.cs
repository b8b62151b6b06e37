using CustomerAnalytics.Loading;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>
/// The Complete Journey products file: 92,331 products, 540 of them with an empty product_category (rejected and
/// reported), every other one with its category as written in the file.
/// </summary>
public class CompleteJourneyLoadingTests
{
    private const string File = "completejourney/products.csv";

    [SharedDataFact(File)]
    public void ProductLoader_CompleteJourney_EveryProductKeepsItsCategory()
    {
        var result = ProductLoader.Load(TestPaths.Shared(File.Split('/')), LoadOptions.Default with { Mode = LoadMode.Lenient });

        Assert.Equal((92_331L, 91_791L, 540L), (result.Report.RowsRead, result.Report.RowsLoaded, result.Report.RowsRejected));
        Assert.All(result.Report.Diagnostics, d => Assert.Equal(("product_category", "", "the category is empty"), (d.Column, d.Value, d.Problem)));
        Assert.Equal(result.Report.RowsLoaded, result.Rows.Length);
        Assert.DoesNotContain(result.Rows, p => p.Category is null);
        Assert.Equal("COCOA MIXES", result.Rows.Single(p => p.Id == "44426").Category);
        Assert.Equal("NATURAL HBC", result.Rows.Single(p => p.Id == "825431").Category);
    }
}
