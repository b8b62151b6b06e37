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
    private const string Transactions = "completejourney/transactions_sample.csv";
    private const long ExpectedRead = 75_000;
    private const long ExpectedRounded = 1;
    private const string ExpectedLineId = "48831";

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

    /// <summary>
    /// Regression (issue 10, finding 7): one <c>sales_value</c> is float noise (4.440892e-16), so a strict load failed
    /// with "more than 4 decimal places" and no way out; <see cref="LoadOptions.MoneyDecimals"/> rounds it, counted.
    /// </summary>
    [SharedDataFact(Transactions)]
    public void TransactionLoader_CompleteJourneyRoundedToCents_LoadsEveryLineCountingTheRounded()
    {
        var path = TestPaths.Shared(Transactions.Split('/'));

        var strict = Assert.Throws<DataLoadException>(() => TransactionLoader.Load(path));
        var result = TransactionLoader.Load(path, LoadOptions.Default with { MoneyDecimals = 2 });

        Assert.Equal(("sales_value", "4.440892e-16", "more than 4 decimal places"), (strict.Diagnostics[0].Column, strict.Diagnostics[0].Value, strict.Diagnostics[0].Problem));
        Assert.Equal(ExpectedRead, result.Report.RowsRead);
        Assert.Equal((ExpectedRead, ExpectedRounded), (result.Report.RowsLoaded, result.Report.MoneyValuesRounded));
        Assert.Equal(0m, result.Rows.Single(t => t.LineTotal == 0m && t.Id == ExpectedLineId).LineTotal);
    }
}
