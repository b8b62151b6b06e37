using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Enrichment;

public sealed class EnrichedDatasetBuilderTests
{
    private static readonly DateTimeOffset Day = Seed.At("2024-03-10T12:00:00Z");

    [Fact]
    public void Build_Seed_RowsJoinedInTransactionOrder()
    {
        var dataset = Seed.Dataset();

        var rows = dataset.Rows.ToArray();
        Assert.Equal(7, rows.Length);
        Assert.Equal(
            new EnrichedTransaction(0, "1", "1", "C001", "Consumer", new DateOnly(2024, 1, 10), "P100", "Accessories", 2, 19.99m, 39.98m, Seed.At("2024-03-01T10:00:00Z")),
            rows[0]);
        Assert.Equal(
            [39.98m, 199.00m, 499.00m, 597.00m, 19.99m, 59.98m, 59.97m],
            rows.Select(r => r.Revenue));
    }

    [Fact]
    public void Build_Seed_ReportsPurchaseBeforeSignupAndKeepsIt()
    {
        var dataset = Seed.Dataset();

        Assert.Equal(7, dataset.Report.TransactionsKept);
        Assert.Equal(0, dataset.Report.TransactionsRejected);
        var issue = Assert.Single(dataset.Report.Issues);
        Assert.Equal(EnrichmentIssueKind.PurchaseBeforeSignup, issue.Kind);
        Assert.False(issue.Rejected);
        Assert.Equal(("5", "C004"), (issue.TransactionId, issue.CustomerId));
        Assert.Equal("Transaction '5' on 2024-03-04 is before customer 'C004' signed up (2024-03-05).", issue.Detail);
    }

    [Fact]
    public void Build_Seed_DimensionsInterned()
    {
        var dataset = Seed.Dataset();

        Assert.Equal(["Consumer", "Enterprise", "SMB"], dataset.Segments);
        Assert.Equal(["Accessories", "Hardware", "Software"], dataset.Categories);
        Assert.Equal([0, 2, 1, 0], dataset.CustomerSegments.ToArray());
        Assert.True(dataset.TryGetCustomerIndex("C003", out var c3));
        Assert.Equal(2, c3);
        Assert.False(dataset.TryGetProductIndex("P999", out _));
    }

    [Fact]
    public void Build_UnknownCustomerAndProduct_RejectedAndListedByDefault()
    {
        var dataset = Builder()
            .AddTransaction(new Transaction("t1", "C1", "P1", 1, Day))
            .AddTransaction(new Transaction("t2", "NOPE", "P1", 1, Day))
            .AddTransaction(new Transaction("t3", "C1", "GONE", 1, Day))
            .Build();

        Assert.Equal(3, dataset.Report.TransactionsRead);
        Assert.Equal(1, dataset.Report.TransactionsKept);
        Assert.Equal(2, dataset.Report.TransactionsRejected);
        Assert.Equal(1, dataset.Report.Count(EnrichmentIssueKind.UnknownCustomer));
        Assert.Equal(1, dataset.Report.Count(EnrichmentIssueKind.UnknownProduct));
        Assert.Equal(
            [("t2", EnrichmentIssueKind.UnknownCustomer, true), ("t3", EnrichmentIssueKind.UnknownProduct, true)],
            dataset.Report.Issues.Select(i => (i.TransactionId, i.Kind, i.Rejected)));
        Assert.Equal(["C1"], dataset.Customers.Select(c => c.Id));
        Assert.Equal(10.00m, KpiCalculator.Overall(dataset).Revenue);
    }

    [Fact]
    public void Build_KeepAsUnknown_KeepsOrphansUnderUnknownLabel()
    {
        var options = new EnrichmentOptions { UnknownCustomers = UnknownReferencePolicy.KeepAsUnknown, UnknownProducts = UnknownReferencePolicy.KeepAsUnknown };
        var dataset = Builder(options)
            .AddTransaction(new Transaction("t1", "NOPE", "P1", 2, Day))
            .AddTransaction(new Transaction("t2", "C1", "GONE", 1, Day, UnitPrice: 3.50m))
            .Build();

        Assert.Equal(2, dataset.Report.TransactionsKept);
        Assert.Equal(
            [("Unknown", 20.00m), ("S", 3.50m)],
            KpiCalculator.BySegment(dataset).Select(s => (s.Key, s.Revenue)));
        Assert.Equal(
            [("X", 20.00m), ("Unknown", 3.50m)],
            KpiCalculator.ByCategory(dataset).Select(s => (s.Key, s.Revenue)));
        Assert.All(dataset.Report.Issues, i => Assert.False(i.Rejected));
    }

    [Fact]
    public void Build_UnknownProductWithoutLinePrice_RejectedAsMissingPrice()
    {
        var options = new EnrichmentOptions { UnknownProducts = UnknownReferencePolicy.KeepAsUnknown };
        var dataset = Builder(options).AddTransaction(new Transaction("t1", "C1", "GONE", 1, Day)).Build();

        Assert.Equal(0, dataset.TransactionCount);
        Assert.Equal(1, dataset.Report.Count(EnrichmentIssueKind.MissingPrice));
    }

    [Fact]
    public void Build_DuplicateTransactionIds_KeptAndReportedByDefault()
    {
        var dataset = Builder()
            .AddTransaction(new Transaction("7", "C1", "P1", 1, Day))
            .AddTransaction(new Transaction("8", "C1", "P1", 1, Day))
            .AddTransaction(new Transaction("7", "C1", "P1", 1, Day))
            .Build();

        Assert.Equal(3, dataset.TransactionCount);
        var issue = Assert.Single(dataset.Report.Issues);
        Assert.Equal((EnrichmentIssueKind.DuplicateTransactionId, "7", false), (issue.Kind, issue.TransactionId, issue.Rejected));
        Assert.Equal("Transaction id '7' appears again (first at row 1).", issue.Detail);
    }

    [Fact]
    public void Build_DuplicateTransactionIds_KeepFirstDropsRepeats()
    {
        var dataset = Builder(new EnrichmentOptions { DuplicateTransactions = DuplicateTransactionPolicy.KeepFirst })
            .AddTransaction(new Transaction("A-1", "C1", "P1", 1, Day))
            .AddTransaction(new Transaction("A-1", "C1", "P1", 5, Day))
            .Build();

        Assert.Equal(1, dataset.TransactionCount);
        Assert.Equal(1, dataset.Quantities[0]);
        Assert.True(Assert.Single(dataset.Report.Issues).Rejected);
    }

    [Fact]
    public void Build_ReturnsAndZeroQuantities_KeptCountedAndReduceRevenue()
    {
        var dataset = Builder()
            .AddTransaction(new Transaction("1", "C1", "P1", 3, Day))
            .AddTransaction(new Transaction("2", "C1", "P1", -1, Day))
            .AddTransaction(new Transaction("3", "C1", "P1", 0, Day))
            .Build();

        Assert.Equal(3, dataset.TransactionCount);
        Assert.Equal(1, dataset.Report.Count(EnrichmentIssueKind.Return));
        Assert.Equal(1, dataset.Report.Count(EnrichmentIssueKind.ZeroQuantity));
        Assert.Equal(new OverallKpis(1, 3, 3, 2, 20.00m, 6.67m), KpiCalculator.Overall(dataset));
    }

    [Fact]
    public void Build_LinePriceAndLineTotal_OverrideListPrice()
    {
        var dataset = Builder()
            .AddTransaction(new Transaction("1", "C1", "P1", 3, Day, UnitPrice: 2.125m))
            .AddTransaction(new Transaction("2", "C1", "P1", 3, Day, LineTotal: 25.99m))
            .Build();

        Assert.Equal([6.375m, 25.99m], dataset.Rows.Select(r => r.Revenue));
        Assert.Equal([2.125m, 10.00m], dataset.Rows.Select(r => r.UnitPrice));
    }

    [Fact]
    public void AddTransaction_PriceWithMoreThanFourDecimals_RejectedNotRounded()
    {
        var dataset = Builder().AddTransaction(new Transaction("1", "C1", "P1", 1, Day, UnitPrice: 0.00001m)).Build();

        Assert.Equal(0, dataset.TransactionCount);
        Assert.Equal(1, dataset.Report.TransactionsRejected);
        Assert.Equal(EnrichmentIssueKind.MoneyOutOfRange, Assert.Single(dataset.Report.Issues).Kind);
    }

    /// <summary>Regression: a list price with more than four decimals (or too large) was silently read as 0, so its lines had revenue 0.</summary>
    [Theory]
    [InlineData("0.00001")]
    [InlineData("1.23456")]
    [InlineData("1000000000000000")]
    public void AddProduct_ListPriceNotExact_ThrowsInsteadOfPricingAtZero(string price)
    {
        var product = new Product("P2", "X", decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture));

        var error = Assert.Throws<ArgumentException>(() => Builder().AddProduct(product));

        Assert.StartsWith($"Product 'P2' has a list price ({price}) with more than 4 decimal places or too large to keep exactly.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Regression: the documented ArgumentException for an empty segment was only thrown for a null one.</summary>
    [Fact]
    public void AddCustomer_EmptySegment_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new EnrichedDatasetBuilder().AddCustomer(new Customer("C1", "")));

        Assert.Equal("customer", error.ParamName);
    }

    [Fact]
    public void Build_MixedIds_KeptAsText()
    {
        var dataset = Builder()
            .AddTransaction(new Transaction("10", "C1", "P1", 1, Day))
            .AddTransaction(new Transaction("007", "C1", "P1", 1, Day))
            .Build();

        Assert.Equal(["10", "007"], dataset.Rows.Select(r => r.TransactionId));
    }

    [Fact]
    public void Build_OrderIds_LinesWithoutOrderAreTheirOwnOrder()
    {
        var dataset = Builder()
            .AddTransaction(new Transaction("1", "C1", "P1", 1, Day, OrderId: "INV-9"))
            .AddTransaction(new Transaction("2", "C1", "P1", 1, Day))
            .AddTransaction(new Transaction("3", "C1", "P1", 1, Day, OrderId: "INV-9"))
            .Build();

        Assert.Equal(2, dataset.OrderCount);
        Assert.Equal(["INV-9", "2", "INV-9"], dataset.Rows.Select(r => r.OrderId));
    }

    [Fact]
    public void AddCustomer_DuplicateId_FirstKeptAndReported()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("C1", "First"))
            .AddCustomer(new Customer("C1", "Second"))
            .Build();

        Assert.Equal("First", Assert.Single(dataset.Customers).Segment);
        Assert.Equal(EnrichmentIssueKind.DuplicateDimensionId, Assert.Single(dataset.Report.Issues).Kind);
    }

    [Fact]
    public void Build_Twice_Throws()
    {
        var builder = new EnrichedDatasetBuilder();
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Throws<InvalidOperationException>(() => builder.AddCustomer(new Customer("C", "S")));
    }

    [Fact]
    public void Options_Invalid_AllErrorsReportedTogether()
    {
        var error = Assert.Throws<ArgumentException>(() => new EnrichedDatasetBuilder(new EnrichmentOptions { UnknownLabel = " ", MaxListedIssuesPerKind = -1 }));

        Assert.Contains("UnknownLabel", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxListedIssuesPerKind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_IssuesListedUpToLimitButAllCounted()
    {
        var builder = Builder(new EnrichmentOptions { MaxListedIssuesPerKind = 2 });
        for (var i = 0; i < 5; i++)
        {
            builder.AddTransaction(new Transaction($"{i}", "C1", "P1", -1, Day));
        }

        var report = builder.Build().Report;

        Assert.Equal(5, report.Count(EnrichmentIssueKind.Return));
        Assert.Equal(2, report.Issues.Length);
    }

    [Fact]
    public void Build_ResultIndependentOfAddOrder()
    {
        var forward = Seed.Dataset();
        var backward = new EnrichedDatasetBuilder()
            .AddTransactions(Seed.Transactions.Reverse())
            .AddProducts(Seed.Products.Reverse())
            .AddCustomers(Seed.Customers.Reverse())
            .Build();

        Assert.Equal(KpiCalculator.Overall(forward), KpiCalculator.Overall(backward));
        Assert.Equal(KpiCalculator.BySegment(forward).ToArray(), KpiCalculator.BySegment(backward).ToArray());
        Assert.Equal(KpiCalculator.TopProducts(forward, 4).ToArray(), KpiCalculator.TopProducts(backward, 4).ToArray());
    }

    [Fact]
    public void Build_DuplicateIdsOutOfOrder_FirstRowNamed()
    {
        var dataset = Builder()
            .AddTransaction(new Transaction("9", "C1", "P1", 1, Day))
            .AddTransaction(new Transaction("4", "C1", "P1", 1, Day))
            .AddTransaction(new Transaction("9", "C1", "P1", 1, Day))
            .AddTransaction(new Transaction("4", "C1", "P1", 1, Day))
            .Build();

        Assert.Equal(
            ["Transaction id '9' appears again (first at row 1).", "Transaction id '4' appears again (first at row 2)."],
            dataset.Report.Issues.Select(i => i.Detail));
    }

    [Fact]
    public void Build_TextIdsRepeated_FirstRowNamedAndKeepFirstDrops()
    {
        var dataset = Builder(new EnrichmentOptions { DuplicateTransactions = DuplicateTransactionPolicy.KeepFirst })
            .AddTransaction(new Transaction("T1", "C1", "P1", 1, Day))
            .AddTransaction(new Transaction("T2", "C1", "P1", 2, Day))
            .AddTransaction(new Transaction("T1", "C1", "P1", 3, Day))
            .AddTransaction(new Transaction("T3", "C1", "P1", 4, Day))
            .Build();

        Assert.Equal(["T1", "T2", "T3"], dataset.Rows.Select(r => r.TransactionId));
        Assert.Equal([1, 2, 4], dataset.Quantities.ToArray());
        Assert.Equal("Transaction id 'T1' appears again (first at row 1).", Assert.Single(dataset.Report.Issues).Detail);
    }

    [Fact]
    public void Build_ListPricesOnly_UnitPriceDerivedNotStored()
    {
        var dataset = Builder()
            .AddProduct(new Product("P2", "X"))
            .AddTransaction(new Transaction("1", "C1", "P1", 2, Day))
            .AddTransaction(new Transaction("2", "C1", "P2", 1, Day, LineTotal: 5.50m))
            .AddTransaction(new Transaction("3", "C1", "P1", 1, Day))
            .Build();

        Assert.Equal([10.00m, null, 10.00m], dataset.Rows.Select(r => r.UnitPrice));
        Assert.Equal([20.00m, 5.50m, 10.00m], dataset.Rows.Select(r => r.Revenue));

        // Columns: customer, product, order, quantity (4 bytes each), ticks, revenue (8 each); ids consecutive.
        Assert.Equal(3 * (16 + 16 + 4), dataset.ColumnBytes());
    }

    [Fact]
    public void Build_OwnPriceAfterListPriceRows_EveryRowsUnitPriceKept()
    {
        var dataset = Builder()
            .AddTransaction(new Transaction("1", "C1", "P1", 2, Day))
            .AddTransaction(new Transaction("2", "C1", "P1", 2, Day, UnitPrice: 7.25m))
            .AddTransaction(new Transaction("3", "C1", "P1", 1, Day))
            .Build();

        Assert.Equal([10.00m, 7.25m, 10.00m], dataset.Rows.Select(r => r.UnitPrice));
        Assert.Equal([20.00m, 14.50m, 10.00m], dataset.Rows.Select(r => r.Revenue));
    }

    [Fact]
    public void Build_RejectedRows_RemainingIdsAndOrdersKept()
    {
        var dataset = Builder()
            .AddTransaction(new Transaction("1", "C1", "P1", 1, Day, OrderId: "100"))
            .AddTransaction(new Transaction("2", "C9", "P1", 1, Day, OrderId: "100"))
            .AddTransaction(new Transaction("3", "C1", "P1", 1, Day, OrderId: "101"))
            .AddTransaction(new Transaction("4", "C1", "P1", 1, Day))
            .Build();

        Assert.Equal(["1", "3", "4"], dataset.Rows.Select(r => r.TransactionId));
        Assert.Equal(["100", "101", "4"], dataset.Rows.Select(r => r.OrderId));
        Assert.Equal(3, dataset.OrderCount);
    }

    [Fact]
    public void Build_EqualSegmentAndCategoryStrings_SharedByEveryRecord()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("C1", new string('S', 3)))
            .AddCustomer(new Customer("C2", new string('S', 3), new DateOnly(2024, 1, 2)))
            .AddProduct(new Product("P1", new string('X', 2), 1m))
            .AddProduct(new Product("P2", new string('X', 2), 2m))
            .Build();

        Assert.Same(dataset.Customers[0].Segment, dataset.Customers[1].Segment);
        Assert.Same(dataset.Products[0].Category, dataset.Products[1].Category);
        Assert.Equal(new Customer("C2", "SSS", new DateOnly(2024, 1, 2)), dataset.Customers[1]);
    }

    [Fact]
    public void SelectRows_SomeRows_SameDimensionsOrdersRenumbered()
    {
        var dataset = Builder()
            .AddTransaction(new Transaction("1", "C1", "P1", 1, Day, OrderId: "100"))
            .AddTransaction(new Transaction("2", "C1", "P1", 2, Day, OrderId: "101"))
            .AddTransaction(new Transaction("3", "C1", "P1", 3, Day))
            .Build();

        var selected = dataset.SelectRows([2, 1]);

        Assert.Equal(["3", "2"], selected.Rows.Select(r => r.TransactionId));
        Assert.Equal(["3", "101"], selected.Rows.Select(r => r.OrderId));
        Assert.Equal([0, 1], selected.OrderIndexes.ToArray());
        Assert.Equal([30.00m, 20.00m], selected.Rows.Select(r => r.Revenue));
        Assert.Equal([10.00m, 10.00m], selected.Rows.Select(r => r.UnitPrice));
        Assert.Same(dataset.Customers, selected.Customers);
    }

    [Fact]
    public void Build_OrdersWhoseLinesWereAllLeftOut_NotCountedAndKeptOrdersRenumberedDensely()
    {
        var dataset = Builder()
            .AddTransaction(new Transaction("1", "CX", "P1", 1, Day, OrderId: "A"))
            .AddTransaction(new Transaction("2", "C1", "P1", 1, Day, OrderId: "B"))
            .AddTransaction(new Transaction("3", "C1", "PX", 1, Day, OrderId: "C"))
            .AddTransaction(new Transaction("4", "C1", "P1", 1, Day, OrderId: "D"))
            .AddTransaction(new Transaction("5", "C1", "PX", 1, Day))
            .AddTransaction(new Transaction("6", "C1", "P1", 1, Day))
            .Build();

        Assert.Equal(3, dataset.OrderCount);
        Assert.Equal([0, 1, 2], dataset.OrderIndexes.ToArray());
        Assert.Equal(["B", "D", "6"], dataset.Rows.Select(r => r.OrderId));
        Assert.Equal(3, KpiCalculator.Overall(dataset).Orders);
    }

    [Fact]
    public void Build_StrictReferencesWithObjects_ThrowsListingTheUnknownWithoutALine()
    {
        var builder = Builder(EnrichmentOptions.Default with { StrictReferences = true })
            .AddTransaction(new Transaction("1", "C1", "P1", 1, Day))
            .AddTransaction(new Transaction("2", "CX", "P1", 1, Day));

        var error = Assert.Throws<CustomerAnalytics.Loading.DataLoadException>(() => builder.Build());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("transactions", 0L, "customer_id", "CX"), (diagnostic.Source, diagnostic.Line, diagnostic.Column, diagnostic.Value));
    }

    [Fact]
    public void Build_StrictReferencesListCut_NamesTheJoinsListLimit()
    {
        // Regression: a cut list of unknown references told the caller to raise LoadOptions.MaxReportedProblems,
        // which does not list more of them; the join's own limit does.
        var builder = Builder(EnrichmentOptions.Default with { StrictReferences = true, MaxListedIssuesPerKind = 1 })
            .AddTransaction(new Transaction("1", "CX", "P1", 1, Day))
            .AddTransaction(new Transaction("2", "CY", "P1", 1, Day));

        var error = Assert.Throws<CustomerAnalytics.Loading.DataLoadException>(() => builder.Build());

        Assert.Equal((2, 1), (error.TotalProblems, error.Diagnostics.Count));
        Assert.EndsWith("  … and 1 more (raise EnrichmentOptions.MaxListedIssuesPerKind to list them).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StrictReferencesKeepAsUnknown_Builds()
    {
        var dataset = Builder(EnrichmentOptions.Default with { StrictReferences = true, UnknownCustomers = UnknownReferencePolicy.KeepAsUnknown })
            .AddTransaction(new Transaction("1", "CX", "P1", 1, Day))
            .Build();

        Assert.Equal((1, 0), (dataset.TransactionCount, dataset.Report.TransactionsRejected));
    }

    private static EnrichedDatasetBuilder Builder(EnrichmentOptions? options = null) =>
        new EnrichedDatasetBuilder(options).AddCustomer(new Customer("C1", "S")).AddProduct(new Product("P1", "X", 10.00m));
}
