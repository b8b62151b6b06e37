using CustomerAnalytics.Loading;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>The Complete Journey products file: 92,331 products, every one with its category as written in the file.</summary>
public class CompleteJourneyLoadingTests
{
    private const string File = "completejourney/products.csv";

    [SharedDataFact(File)]
    public void ProductLoader_CompleteJourney_EveryProductKeepsItsCategory()
    {
        var result = ProductLoader.Load(TestPaths.Shared(File.Split('/')), LoadOptions.Default with { Mode = LoadMode.Lenient });

        Assert.Equal(0, result.Report.RowsRejected);
        Assert.Equal(result.Report.RowsRead, result.Rows.Length);
        Assert.DoesNotContain(result.Rows, p => p.Category is null);
        Assert.Equal("COCOA MIXES", result.Rows.Single(p => p.Id == "44426").Category);
        Assert.Equal("NATURAL HBC", result.Rows.Single(p => p.Id == "825431").Category);
    }
}
