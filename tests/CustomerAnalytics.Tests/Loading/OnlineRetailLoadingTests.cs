using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>
/// The whole UCI Online Retail file through the flat-file loader, checked against its published counts
/// (541,909 lines; 4,372 customers; 4,070 stock codes; 25,900 invoices).
/// </summary>
public class OnlineRetailLoadingTests
{
    private const string File = "online-retail/online_retail.csv.gz";

    [SharedDataFact(File)]
    public void OrderLinesLoader_OnlineRetailLenient_EveryLineLoadedOrReported()
    {
        var builder = new EnrichedDatasetBuilder();
        var options = LoaderTestData.Lenient with { TransactionColumns = TransactionColumns.OnlineRetail, MaxReportedProblems = 200_000 };

        var report = OrderLinesLoader.LoadInto(builder, TestPaths.Shared(File.Split('/')), options);
        var dataset = builder.Build();

        Assert.Equal(541_909, report.RowsRead);
        Assert.Equal(report.RowsRead, report.RowsLoaded + report.RowsRejected);
        Assert.Equal(406_829, report.RowsLoaded);
        Assert.Equal(135_080, report.RowsRejected);
        // Every rejected line lacks its customer; the two "Adjust bad debt" lines also have a negative price.
        Assert.Equal(135_082, report.Diagnostics.Length);
        Assert.Equal(135_080, report.Diagnostics.Count(d => (d.Column, d.Problem) == ("CustomerID", "the customer id is empty")));
        Assert.Equal(
            [(299_985L, "UnitPrice", "-11062.06", "the price is negative"), (299_986L, "UnitPrice", "-11062.06", "the price is negative")],
            report.Diagnostics.Where(d => d.Column != "CustomerID").Select(d => (d.Line, d.Column, d.Value, d.Problem)));
        Assert.Equal(4_372, dataset.Customers.Count);
        Assert.Equal(4_070, dataset.Products.Count);
        Assert.Equal(22_190, dataset.OrderCount);
        Assert.Equal(0, dataset.Report.TransactionsRead - dataset.Report.TransactionsKept);
    }

    /// <summary>
    /// The invoice count covers the lines without a customer too, so it is checked by mapping the customer to the
    /// invoice: every invoice becomes a "customer", and only the two negative-price lines are rejected.
    /// </summary>
    [SharedDataFact(File)]
    public void OrderLinesLoader_OnlineRetailKeyedByInvoice_CountsThePublishedInvoices()
    {
        var builder = new EnrichedDatasetBuilder();
        var columns = TransactionColumns.OnlineRetail with { CustomerId = ["InvoiceNo"] };

        var report = OrderLinesLoader.LoadInto(builder, TestPaths.Shared(File.Split('/')), LoaderTestData.Lenient with { TransactionColumns = columns });
        var dataset = builder.Build();

        Assert.Equal((541_909L, 541_907L, 2L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        Assert.Equal(25_900, dataset.Customers.Count);
        Assert.Equal(4_070, dataset.Products.Count);
        Assert.Equal(25_898, dataset.OrderCount);
    }
}
