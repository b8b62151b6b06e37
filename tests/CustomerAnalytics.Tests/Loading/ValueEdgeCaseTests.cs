using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>Values at the edge of what a field holds: each is read exactly or rejected with the reason.</summary>
public class ValueEdgeCaseTests
{
    private const string Header = "txn_id,customer_id,product_id,qty,ts,unit_price\n";

    private static LoadReport LoadTransactions(string rows)
    {
        using var stream = LoaderTestData.Utf8(Header + rows);
        return TransactionLoader.Load(stream, "t.csv", DataFormat.Csv, LoaderTestData.Lenient).Report;
    }

    /// <summary>Regression: an eighth digit of a second was dropped without a word (…00.12345678 read as …00.1234567).</summary>
    [Fact]
    public void Load_TimestampWithEightFractionalDigits_RejectedWithTheReason()
    {
        var report = LoadTransactions("1,C1,P1,1,2024-03-01T10:00:00.12345678Z,\n2,C1,P1,1,2024-03-01T10:00:00.12345670Z,\n");

        Assert.Equal((2L, 1L, 1L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        Assert.Equal(
            "t.csv(2): error, column 'ts', value '2024-03-01T10:00:00.12345678Z': more than 7 digits after the seconds' decimal point; expected a timestamp to a tenth of a microsecond at most (7 digits, such as 2024-03-01T10:00:00.1234567Z). Round the timestamps to 7 digits before loading: nothing is rounded here.",
            Assert.Single(report.Diagnostics).ToString());
    }

    /// <summary>Regression: <c>1e30</c> was "not a number" (it is one, too large for an amount).</summary>
    [Theory]
    [InlineData("1e30")]
    [InlineData("-1E+30")]
    [InlineData("1e400")]
    [InlineData("922337203685478")]
    [InlineData("922337203685477.0001")]
    public void Load_AmountBeyondTheBound_TooLarge(string price)
    {
        var report = LoadTransactions($"1,C1,P1,1,2024-03-01,{price}\n");

        Assert.Equal(
            $"t.csv(2): error, column 'unit_price', value '{price}': the amount is too large; expected an amount between -922,337,203,685,477 and 922,337,203,685,477.",
            Assert.Single(report.Diagnostics).ToString());
    }

    /// <summary>Regression: the message said "below 922,337,203,685,477", yet that amount itself is accepted.</summary>
    [Fact]
    public void Load_AmountAtTheBound_Loads()
    {
        var report = LoadTransactions("1,C1,P1,1,2024-03-01,922337203685477\n");

        Assert.Equal((1L, 1L), (report.RowsRead, report.RowsLoaded));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Load_NotANumberWords_NotANumber(string price) =>
        Assert.Equal("not a number", Assert.Single(LoadTransactions($"1,C1,P1,1,2024-03-01,{price}\n").Diagnostics).Problem);

    /// <summary>
    /// Regression: a line without an order id was its own order named by its transaction id, so it shared the id of a
    /// real order (txn 5 without an order and order 5 were two orders both called "5").
    /// </summary>
    [Fact]
    public void LoadInto_LineWithoutOrderIdWhoseTransactionIdIsAnOrderId_OwnOrderWithAnIdOfItsOwn()
    {
        var builder = new EnrichedDatasetBuilder().AddCustomers(Seed.Customers).AddProducts(Seed.Products);
        using var stream = LoaderTestData.Utf8("txn_id,customer_id,product_id,qty,ts,order_id\n5,C001,P100,1,2024-03-01,\n6,C001,P200,1,2024-03-01,5\n7,C001,P200,1,2024-03-01,5~\n");

        TransactionLoader.LoadInto(builder, stream, "t.csv", DataFormat.Csv);
        var dataset = builder.Build();

        Assert.Equal(3, dataset.OrderCount);
        Assert.Equal(["5~~", "5", "5~"], Enumerable.Range(0, 3).Select(row => dataset[row].OrderId));
        Assert.Equal(3, Enumerable.Range(0, dataset.OrderCount).Select(dataset.GetOrderId).Distinct().Count());
    }
}
