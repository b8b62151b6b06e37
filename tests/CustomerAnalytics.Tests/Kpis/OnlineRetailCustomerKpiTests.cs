using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Tests.Infrastructure;
using CustomerAnalytics.Tests.Loading;

namespace CustomerAnalytics.Tests.Kpis;

/// <summary>
/// Customer KPIs on UCI Online Retail against the figures widely published for it (lines with a customer; invoices
/// as orders; cancellations are returns): 4,339 purchasing customers and the December 2010 cohort's retention row.
/// </summary>
public sealed class OnlineRetailCustomerKpiTests
{
    private const string File = "online-retail/online_retail.csv.gz";

    [SharedDataFact(File)]
    public void PurchasesAndCohorts_OnlineRetail_PublishedFigures()
    {
        var builder = new EnrichedDatasetBuilder();
        OrderLinesLoader.LoadInto(builder, TestPaths.Shared(File.Split('/')), LoaderTestData.Lenient with { TransactionColumns = TransactionColumns.OnlineRetail, MaxReportedProblems = 10 });
        var dataset = builder.Build();

        var purchases = CustomerKpiCalculator.Purchases(dataset);
        var december = CustomerKpiCalculator.Cohorts(dataset).Where(c => c.Cohort == "2010-12").ToArray();

        Assert.Equal(4_339, purchases.Customers);
        Assert.Equal(885, december[0].CohortSize);
        Assert.Equal(
            [1.000, 0.366, 0.323, 0.384, 0.363, 0.398, 0.363, 0.349, 0.354, 0.395, 0.374, 0.503, 0.266],
            december.Select(c => Math.Round(c.RetentionRate, 3)));
    }
}
