using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Pipeline;
using CustomerAnalytics.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CustomerAnalytics.Tests.Pipeline;

/// <summary>
/// Issue 10: the account of a run adds up on every shared data set that loads through the pipeline — per input, read =
/// loaded + rejected; for the transactions, loaded = kept + left out by reason. CDNOW is whitespace-separated, which
/// no loader reads (its tests parse it themselves), so it has no pipeline account.
/// </summary>
public sealed class RunAccountSharedDataTests(ITestOutputHelper output)
{
    private const string OnlineRetail = "online-retail/online_retail.csv.gz";
    private const string Journey = "completejourney/transactions_sample.csv";

    private static readonly LoadOptions Lenient = LoadOptions.Default with { Mode = LoadMode.Lenient };

    [SharedDataFact(OnlineRetail)]
    public void Run_OnlineRetailWithThePreset_AccountAddsUp()
    {
        var run = AnalyticsPipeline.Run(new PipelineOptions
        {
            OrderLinesPath = TestPaths.Shared(OnlineRetail.Split('/')),
            Load = Lenient with { TransactionColumns = TransactionColumns.OnlineRetail },
            LifetimeValue = null,
        });

        var input = Print(run.Account).Inputs.Single();
        Assert.Equal(("order_lines", 541_909L, 406_829L, 135_080L, (long?)406_829L), (input.Role, input.RowsRead, input.RowsLoaded, input.RowsRejected, input.RowsKept));
        Assert.Empty(input.LeftOut);
        Assert.Equal((541_909L, 135_080L), (input.RowsRead, run.Account.RowsToList));
    }

    [SharedDataFact(OnlineRetail)]
    public void Run_OnlineRetailKeepingGuestLinesAndAdjustments_AccountCountsThem()
    {
        var run = AnalyticsPipeline.Run(new PipelineOptions
        {
            OrderLinesPath = TestPaths.Shared(OnlineRetail.Split('/')),
            Load = Lenient with { TransactionColumns = TransactionColumns.OnlineRetail, KeepGuestLines = true, AllowNegativePrices = true },
            LifetimeValue = null,
        });

        var input = Print(run.Account).Inputs.Single();
        Assert.Equal((541_909L, 0L, (long?)541_909L), (input.RowsLoaded, input.RowsRejected, input.RowsKept));
        Assert.Equal((135_080L, 2L, 0L), (input.GuestLines, input.NegativePricesKept, input.MoneyValuesRounded));
    }

    [SharedDataFact(Journey)]
    public void Run_CompleteJourneyRejectingUnknownHouseholds_AccountAddsUpWithTheLeftOutLines()
    {
        var run = AnalyticsPipeline.Run(JourneyOptions(UnknownReferencePolicy.Reject));

        var account = Print(run.Account);
        var transactions = account.Inputs.Single(i => i.Role == "transactions");
        Assert.Equal((75_000L, 74_999L, 1L, (long?)42_058L), (transactions.RowsRead, transactions.RowsLoaded, transactions.RowsRejected, transactions.RowsKept));
        Assert.Equal([("unknown_customer", 32_800L), ("unknown_product", 141L)], transactions.LeftOut.Select(p => (p.Key, p.Value)));
        Assert.Equal((32_941L, 32_942L), (transactions.LeftOut.Values.Sum(), account.RowsToList));
        Assert.Equal(133_614.05m, run.Overall.Revenue);
    }

    [SharedDataFact(Journey)]
    public void Run_CompleteJourneyKeepingUnknownHouseholds_OnlyTheUnknownProductsLeftOut()
    {
        // The issue's figure: households kept as Unknown, lines of products missing from products.csv still left out.
        var run = AnalyticsPipeline.Run(JourneyOptions(UnknownReferencePolicy.KeepAsUnknown, UnknownReferencePolicy.Reject));

        var transactions = Print(run.Account).Inputs.Single(i => i.Role == "transactions");
        Assert.Equal((74_999L, (long?)74_777L), (transactions.RowsLoaded, transactions.RowsKept));
        Assert.Equal([("unknown_product", 222L)], transactions.LeftOut.Select(p => (p.Key, p.Value)));
        Assert.Equal(233_930.57m, run.Overall.Revenue);
    }

    [SharedDataFact(Journey)]
    public void Run_CompleteJourneyKeepingEveryUnknown_EveryLoadedLineKept()
    {
        var run = AnalyticsPipeline.Run(JourneyOptions(UnknownReferencePolicy.KeepAsUnknown));

        var transactions = Print(run.Account).Inputs.Single(i => i.Role == "transactions");
        Assert.Equal((74_999L, (long?)74_999L), (transactions.RowsLoaded, transactions.RowsKept));
        Assert.Empty(transactions.LeftOut);
        Assert.Equal(233_935.24m, run.Overall.Revenue);
    }

    /// <summary>Households by id with their income band as segment; products by department (never empty).</summary>
    private static LoadOptions JourneyLoad(LoadOptions load) => load with
    {
        CustomerColumns = CustomerColumns.Default with { Id = ["household_id"], Segment = ["income"] },
        ProductColumns = ProductColumns.Default with { Category = ["department"] },
    };

    private static PipelineOptions JourneyOptions(UnknownReferencePolicy households, UnknownReferencePolicy? products = null) => new()
    {
        CustomersPath = TestPaths.Shared("completejourney", "demographics.csv"),
        ProductsPath = TestPaths.Shared("completejourney", "products.csv"),
        TransactionsPath = TestPaths.Shared(Journey.Split('/')),
        Load = JourneyLoad(Lenient),
        Enrichment = EnrichmentOptions.Default with { UnknownCustomers = households, UnknownProducts = products ?? households },
        LifetimeValue = null,
    };

    private RunAccount Print(RunAccount account)
    {
        foreach (var input in account.Inputs)
        {
            output.WriteLine($"{input.Role} {input.Name}: read {input.RowsRead}, loaded {input.RowsLoaded}, rejected {input.RowsRejected}, kept {input.RowsKept}, left out {string.Join(", ", input.LeftOut)}; guest lines {input.GuestLines}, negative prices {input.NegativePricesKept}, rounded {input.MoneyValuesRounded}");
        }

        output.WriteLine($"joined {account.TransactionsJoined}, kept {account.TransactionsKept}, to list {account.RowsToList}, listed {account.RowsListed}");
        Assert.True(account.AddsUp());
        return account;
    }
}
