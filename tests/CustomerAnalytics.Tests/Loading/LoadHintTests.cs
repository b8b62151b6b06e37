using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>
/// Regression (issue 10, finding 9): every <see cref="DataLoadException"/> said "Load with LoadMode.Lenient to keep the
/// good rows" — for a missing file or column too, which stops a lenient load as well — and lenient-mode diagnostics told
/// the caller to load leniently. Hints now say what would help, and name it as a <see cref="LoadRemedy"/> a host can word.
/// </summary>
public class LoadHintTests
{
    private const string Retail = "customer_id,product_id,qty,ts,unit_price\nC1,P1,1,2024-01-01,2.00\n,P1,1,2024-01-02,-2.00\n";

    [Theory]
    [InlineData(LoadMode.Strict)]
    [InlineData(LoadMode.Lenient)]
    public void MissingColumn_InEitherMode_DoesNotSuggestLenient(LoadMode mode)
    {
        using var stream = LoaderTestData.Utf8("customer_id,product_id,ts\nC1,P1,2024-01-01\n");

        var error = Assert.Throws<DataLoadException>(() => TransactionLoader.Load(stream, "t.csv", options: LoadOptions.Default with { Mode = mode }));

        Assert.False(error.LenientModeWouldHelp);
        Assert.Equal(
            "1 problem found while loading 't.csv'.\n  t.csv(1): error, column 'qty': the required column 'qty' is missing; headers found: 'customer_id', 'product_id', 'ts'; expected a column named qty, quantity or units (any case). Map your header: LoadOptions.TransactionColumns = TransactionColumns.Default with { Quantity = [\"your header\"] }.",
            error.Message.ReplaceLineEndings("\n"));
        Assert.Equal(LoadRemedy.ColumnMap, Assert.Single(error.Diagnostics).Remedy);
    }

    [Fact]
    public void EmptySource_DoesNotSuggestLenient()
    {
        using var stream = LoaderTestData.Utf8(string.Empty);

        var error = Assert.Throws<DataLoadException>(() => CustomerLoader.Load(stream, "c.csv", options: LoaderTestData.Lenient));

        Assert.Equal(
            "1 problem found while loading 'c.csv'.\n  c.csv: error: the source is empty; expected a header line naming the columns, then one line per row (or, for JSON, at least one object).",
            error.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void RowProblems_Strict_SuggestTheOptionsThatHelp()
    {
        using var stream = LoaderTestData.Utf8(Retail);

        var error = Assert.Throws<DataLoadException>(() => OrderLinesLoader.LoadInto(new EnrichedDatasetBuilder(), stream, "t.csv"));

        Assert.True(error.LenientModeWouldHelp);
        Assert.StartsWith("2 problems found while loading 't.csv'. Load with LoadOptions { Mode = LoadMode.Lenient } to keep the good rows and get these as diagnostics.", error.Message, StringComparison.Ordinal);
        Assert.Equal(
            [LoadRemedy.KeepGuestLines | LoadRemedy.Lenient, LoadRemedy.AllowNegativePrices | LoadRemedy.Lenient],
            error.Diagnostics.Select(d => d.Remedy));
    }

    [Fact]
    public void RowProblems_Lenient_DoNotSuggestLenientAgain()
    {
        using var stream = LoaderTestData.Utf8(Retail);

        var report = OrderLinesLoader.LoadInto(new EnrichedDatasetBuilder(), stream, "t.csv", options: LoaderTestData.Lenient);

        Assert.Equal(
            [
                "t.csv(3): error, column 'customer_id', value '': the customer id is empty; expected a non-empty customer id. A line without a customer cannot be attributed to one (its product still enters the product table), or set LoadOptions.KeepGuestLines = true to keep such lines under the guest customer.",
                "t.csv(3): error, column 'unit_price', value '-2.00': the price is negative; expected a price of 0 or more. A return is a negative quantity at a positive price, or set LoadOptions.AllowNegativePrices = true to keep a negative unit price as an adjustment.",
            ],
            report.Diagnostics.Select(d => d.ToString()));
        Assert.Equal([LoadRemedy.KeepGuestLines, LoadRemedy.AllowNegativePrices], report.Diagnostics.Select(d => d.Remedy));
    }

    [Fact]
    public void HintIn_WordsEachRemedyInTheHostsTerms()
    {
        using var stream = LoaderTestData.Utf8(Retail);
        var error = Assert.Throws<DataLoadException>(() => OrderLinesLoader.LoadInto(new EnrichedDatasetBuilder(), stream, "t.csv"));
        var diagnostic = error.Diagnostics[0];

        var hint = diagnostic.HintIn(r => r switch
        {
            LoadRemedy.KeepGuestLines => "pass --keep-guest-lines",
            LoadRemedy.Lenient => "pass --lenient",
            _ => null,
        });

        Assert.Equal("A line without a customer cannot be attributed to one (its product still enters the product table), or pass --keep-guest-lines, or pass --lenient.", hint);
        Assert.Equal("A line without a customer cannot be attributed to one (its product still enters the product table)", diagnostic.Advice);
    }

    [Fact]
    public void HintIn_DiagnosticWithoutParts_GivesItsHint()
    {
        var diagnostic = new LoadDiagnostic("s", 1, null, null, "p", "e", "Check it.");

        Assert.Equal("Check it.", diagnostic.HintIn(_ => "never"));
    }
}
