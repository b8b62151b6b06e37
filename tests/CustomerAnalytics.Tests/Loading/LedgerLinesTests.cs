using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>
/// Regression (issue 10, finding 7): lines a real ledger has — without a customer, at a negative price (a bad-debt
/// adjustment), with a float-noise amount — could only be rejected. Options keep them, each counted and reported.
/// </summary>
public class LedgerLinesTests
{
    private const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    // Two customers in two countries, three guest lines (one of them an adjustment), one rounded amount.
    internal const string Lines = Header
        + "1,P1,Mug,2,2011-01-03 10:00:00,2.50,C1,UK\n"
        + "2,P1,Mug,1,2011-01-04 10:00:00,2.50,,UK\n"
        + "2,P2,Tea,3,2011-01-04 10:00:00,1.00,,UK\n"
        + "3,P2,Tea,1,2011-02-05 10:00:00,1.005,C2,France\n"
        + "4,B,Adjust bad debt,1,2011-02-06 10:00:00,-11.00,,UK\n"
        + "5,P2,Tea,2,2011-03-01 10:00:00,1.00,C1,UK\n";

    private static readonly LoadOptions Ledger = LoadOptions.Default with
    {
        TransactionColumns = TransactionColumns.OnlineRetail,
        KeepGuestLines = true,
        AllowNegativePrices = true,
        MoneyDecimals = 2,
    };

    [Fact]
    public void OrderLinesLoader_KeepGuestLines_KeepsThemUnderOneGuestCustomer()
    {
        var (report, dataset) = Load(Lines, Ledger);

        Assert.Equal((6L, 6L, 0L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        Assert.Equal((3L, 1L, 1L), (report.GuestLines, report.NegativePricesKept, report.MoneyValuesRounded));
        Assert.Equal(["C1", "guest", "C2"], dataset.Customers.Select(c => c.Id));
        Assert.Equal(1, dataset.GuestCustomer);
        Assert.Equal(LoadOptions.GuestSegment, dataset.Customers[dataset.GuestCustomer].Segment);
        Assert.True(dataset.IsGuest(1));
        Assert.False(dataset.IsGuest(0));
    }

    [Fact]
    public void OrderLinesLoader_LedgerOptions_ReportEachKindInOneWarning()
    {
        var (report, _) = Load(Lines, Ledger);

        Assert.Equal(
            [
                "retail.csv(5): warning, column 'UnitPrice', value '1.005': 1 amount had more than 2 decimal places and was rounded half away from zero (line 5 '1.005' → 1.01); expected amounts with at most 2 decimal places, or rounded as asked.",
                "retail.csv(6): warning, column 'UnitPrice', value '-11.00': 1 negative unit price was kept as an adjustment, included in revenue (line 6 '-11.00'); expected a unit price of 0 or more, or a negative one as an adjustment.",
                "retail.csv(3): warning, column 'CustomerID': 3 lines without a customer id were kept under the guest customer 'guest' (line 3, line 4, line 6); expected a customer id on every line, or guest lines kept under one guest customer.",
            ],
            report.Diagnostics.Select(d => d.ToString()));
        Assert.All(report.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void Kpis_GuestLines_CountInTotalsNotAsCustomers()
    {
        var (_, dataset) = Load(Lines, Ledger);

        // Revenue: 5.00 + 2.50 + 3.00 + 1.01 − 11.00 + 2.00 = 2.51, over 5 orders; customers C1 and C2 only.
        var overall = KpiCalculator.Overall(dataset);
        Assert.Equal((2, 6, 5, 2.51m), (overall.Customers, overall.Transactions, overall.Orders, overall.Revenue));
        Assert.Equal(
            [("UK", 7.00m, 1), ("France", 1.01m, 1), ("Guest", -5.50m, 0)],
            KpiCalculator.BySegment(dataset).Select(g => (g.Key, g.Revenue, g.Customers)));
        Assert.Equal(["C1", "C2"], KpiCalculator.ByCustomer(dataset).Select(g => g.Key).Order(StringComparer.Ordinal));
        Assert.Equal(
            [("P1", 7.50m, 1), ("P2", 6.01m, 2), ("B", -11.00m, 0)],
            KpiCalculator.Products(dataset).Select(p => (p.ProductId, p.Revenue, p.Buyers)));
        Assert.Equal([1, 1, 1], CustomerKpiCalculator.ByPeriod(dataset).Select(p => p.ActiveCustomers));
        Assert.Equal((2, 1), (CustomerKpiCalculator.Purchases(dataset).Customers, CustomerKpiCalculator.Purchases(dataset).RepeatCustomers));
    }

    [Fact]
    public void CustomerAnalyses_GuestLines_LeaveTheGuestOut()
    {
        var (_, dataset) = Load(Lines, Ledger);

        Assert.Equal(["C1", "C2"], RfmCalculator.Compute(dataset).Customers.Select(c => c.CustomerId));
        Assert.Equal(["C1", "C2"], BtydSummary.Create(dataset).CustomerIds.ToArray());
        Assert.Equal(["C1", "C2"], new PopularityRecommender().Fit(dataset).RecommendAll().Select(r => r.CustomerId));
        Assert.Equal(["C1", "C2"], new ItemCooccurrenceRecommender().Fit(dataset).RecommendAll().Select(r => r.CustomerId));
        Assert.Equal(["C1", "C2"], new SegmentAffinityRecommender().Fit(dataset).RecommendAll().Select(r => r.CustomerId));
    }

    [Fact]
    public void Evaluation_GuestLines_NoTruthForTheGuest()
    {
        var (_, dataset) = Load(Lines, Ledger);

        var split = CustomerAnalytics.Evaluation.DatasetSplitter.ByTime(dataset, new DateTimeOffset(2011, 2, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([new("C1", "P2"), new("C2", "P2")], split.Truth.ToArray());
        Assert.Equal(1, split.Train.GuestCustomer);
    }

    [Fact]
    public void TransactionLoader_KeepGuestLines_AddsTheGuestToTheBuilder()
    {
        var builder = new EnrichedDatasetBuilder().AddCustomer(new("C1", "SMB")).AddProduct(new("P1", "Tools", 2.00m));
        using var stream = LoaderTestData.Utf8("customer_id,product_id,qty,ts\nC1,P1,1,2024-01-01\n,P1,2,2024-01-02\n");

        var report = TransactionLoader.LoadInto(builder, stream, "t.csv", options: LoadOptions.Default with { KeepGuestLines = true, GuestCustomerId = "walk-in" });
        var dataset = builder.Build();

        Assert.Equal((2L, 1L), (report.RowsLoaded, report.GuestLines));
        Assert.Equal("walk-in", dataset.Customers[dataset.GuestCustomer].Id);
        Assert.Equal((1, 6.00m), (KpiCalculator.Overall(dataset).Customers, KpiCalculator.Overall(dataset).Revenue));
    }

    [Fact]
    public void OrderLinesLoader_StrictWithoutOptions_NamesTheOptionsThatHelp()
    {
        var error = Assert.Throws<DataLoadException>(() => Load(Lines, LoadOptions.Default with { TransactionColumns = TransactionColumns.OnlineRetail }));

        Assert.Equal(
            [
                "retail.csv(3): error, column 'CustomerID', value '': the customer id is empty; expected a non-empty customer id. A line without a customer cannot be attributed to one (its product still enters the product table), or set LoadOptions.KeepGuestLines = true to keep such lines under the guest customer, or load with LoadMode.Lenient to skip such rows.",
                "retail.csv(4): error, column 'CustomerID', value '': the customer id is empty; expected a non-empty customer id. A line without a customer cannot be attributed to one (its product still enters the product table), or set LoadOptions.KeepGuestLines = true to keep such lines under the guest customer, or load with LoadMode.Lenient to skip such rows.",
                "retail.csv(6): error, column 'CustomerID', value '': the customer id is empty; expected a non-empty customer id. A line without a customer cannot be attributed to one (its product still enters the product table), or set LoadOptions.KeepGuestLines = true to keep such lines under the guest customer, or load with LoadMode.Lenient to skip such rows.",
                "retail.csv(6): error, column 'UnitPrice', value '-11.00': the price is negative; expected a price of 0 or more. A return is a negative quantity at a positive price, or set LoadOptions.AllowNegativePrices = true to keep a negative unit price as an adjustment, or load with LoadMode.Lenient to skip such rows.",
            ],
            error.Diagnostics.Select(d => d.ToString()));
    }

    /// <summary>Complete Journey's <c>sales_value</c> of 4.440892e-16: strict loads had no way out but to edit the file.</summary>
    [Fact]
    public void TooPreciseAmount_Strict_NamesMoneyDecimals()
    {
        using var stream = LoaderTestData.Utf8("customer_id,product_id,qty,ts,sales_value\nC1,P1,1,2024-01-01,4.440892e-16\n");

        var error = Assert.Throws<DataLoadException>(() => OrderLinesLoader.LoadInto(new EnrichedDatasetBuilder(), stream, "t.csv"));

        Assert.Equal(
            "t.csv(2): error, column 'sales_value', value '4.440892e-16': more than 4 decimal places; expected an amount with at most 4 decimal places (money is kept exactly as written). Round it in the source, or set LoadOptions.MoneyDecimals (0 to 4) to round such amounts half away from zero, or load with LoadMode.Lenient to skip such rows.",
            Assert.Single(error.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("4.440892e-16", 2, "0.00")]
    [InlineData("2.345", 2, "2.35")]
    [InlineData("-2.345", 2, "-2.35")]
    [InlineData("2.344", 2, "2.34")]
    [InlineData("0.5", 0, "1")]
    [InlineData("1.23456", 4, "1.2346")]
    public void MoneyDecimals_RoundsHalfAwayFromZero(string written, int decimals, string kept)
    {
        var builder = new EnrichedDatasetBuilder();
        using var stream = LoaderTestData.Utf8($"customer_id,product_id,qty,ts,line_total\nC1,P1,1,2024-01-01,{written}\n");

        var report = OrderLinesLoader.LoadInto(builder, stream, "t.csv", options: LoadOptions.Default with { MoneyDecimals = decimals });

        Assert.Equal(1L, report.MoneyValuesRounded);
        Assert.Equal(decimal.Parse(kept, System.Globalization.CultureInfo.InvariantCulture), builder.Build().GetRevenue(0));
    }

    [Fact]
    public void MoneyDecimals_ValueAlreadyShort_IsNotCountedAsRounded()
    {
        using var stream = LoaderTestData.Utf8("customer_id,product_id,qty,ts,line_total\nC1,P1,1,2024-01-01,2.50\n");

        var report = OrderLinesLoader.LoadInto(new EnrichedDatasetBuilder(), stream, "t.csv", options: LoadOptions.Default with { MoneyDecimals = 2 });

        Assert.Equal((0L, 0), (report.MoneyValuesRounded, report.Diagnostics.Length));
    }

    [Fact]
    public void Warnings_OfARejectedRow_AreNotCounted()
    {
        using var stream = LoaderTestData.Utf8("customer_id,product_id,qty,ts,unit_price\n,P1,x,2024-01-01,1.005\n");

        var report = OrderLinesLoader.LoadInto(new EnrichedDatasetBuilder(), stream, "t.csv", options: LoaderTestData.Lenient with { KeepGuestLines = true, MoneyDecimals = 2 });

        Assert.Equal((1L, 0L, 0L), (report.RowsRejected, report.GuestLines, report.MoneyValuesRounded));
    }

    [Fact]
    public void ProductListPrice_Negative_IsStillRejected()
    {
        using var stream = LoaderTestData.Utf8("product_id,category,price\nP1,Tools,-1.50\n");

        var result = ProductLoader.Load(stream, "products.csv", options: LoaderTestData.Lenient with { AllowNegativePrices = true });

        Assert.Equal(
            "products.csv(2): error, column 'price', value '-1.50': the price is negative; expected a price of 0 or more. A return is a negative quantity at a positive price.",
            Assert.Single(result.Report.Diagnostics).ToString());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void MoneyDecimals_OutOfRange_IsInvalid(int decimals)
    {
        var error = Assert.Throws<ArgumentException>(() => (LoadOptions.Default with { MoneyDecimals = decimals }).Validate());

        Assert.Equal($"Invalid LoadOptions: MoneyDecimals must be from 0 to 4, or null to keep money exactly (was {decimals}).", error.Message);
    }

    /// <summary>Guest lines, adjustments and rounded amounts in every part of a parallel load: the one-core answer.</summary>
    [Fact]
    public void ParallelLoad_LedgerLines_SameReportAndDatasetAsOneCore()
    {
        var text = new System.Text.StringBuilder("order_id,customer_id,product_id,qty,ts,unit_price\n");
        for (var row = 1; row <= 3000; row++)
        {
            var customer = row % 7 == 0 ? string.Empty : $"C{row % 40}";
            var price = row % 500 == 0 ? "-3.00" : row % 9 == 0 ? "1.005" : "2.50";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{1000 + (row / 2)},{customer},P{row % 30},1,2024-01-01T10:00:00Z,{price}\n");
        }

        using var file = LoaderTestData.File("t.csv", System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        var options = LoaderTestData.Lenient with { KeepGuestLines = true, AllowNegativePrices = true, MoneyDecimals = 2 };
        var oneCoreBuilder = Builder();
        var oneCore = TransactionLoader.LoadInto(oneCoreBuilder, file.Path, options with { MaxDegreeOfParallelism = 1 });
        var parallelBuilder = Builder();
        var parallel = BuilderLoad.KeepGuest(parallelBuilder, options, ParallelCsvLoad.TryLoadInto(parallelBuilder, file.Path, options with { MaxDegreeOfParallelism = 4 }, minimumBytes: 0)!);

        Assert.Equal((3000L, 428L, 6L, 333L), (oneCore.RowsLoaded, oneCore.GuestLines, oneCore.NegativePricesKept, oneCore.MoneyValuesRounded));
        Assert.Equal(oneCore with { Diagnostics = [] }, parallel with { Diagnostics = [] });
        Assert.Equal(oneCore.Diagnostics.ToArray(), parallel.Diagnostics.ToArray());
        DatasetAssert.Same(oneCoreBuilder.Build(), parallelBuilder.Build());

        static EnrichedDatasetBuilder Builder() => new EnrichedDatasetBuilder()
            .AddCustomers(Enumerable.Range(0, 40).Select(i => new Model.Customer($"C{i}", "Basic")))
            .AddProducts(Enumerable.Range(0, 30).Select(i => new Model.Product($"P{i}", "Books")));
    }

    private static (LoadReport Report, EnrichedDataset Dataset) Load(string text, LoadOptions options)
    {
        var builder = new EnrichedDatasetBuilder();
        using var stream = LoaderTestData.Utf8(text);
        var report = OrderLinesLoader.LoadInto(builder, stream, "retail.csv", options: options);
        return (report, builder.Build());
    }
}
