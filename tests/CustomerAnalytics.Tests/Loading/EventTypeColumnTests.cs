using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>The event type column: mapped to weights, only purchases are sales, the other events feed the recommenders.</summary>
public class EventTypeColumnTests
{
    // A, B, C at 10.00. Sales: U1 buys 1 A (line 4), U2 buys 2 B (line 6); the rest are views and a cart.
    private const string Events = """
        customer_id,product_id,qty,ts,event_type
        U1,A,1,2024-01-01T00:00:00Z,view
        U1,A,1,2024-01-02T00:00:00Z,cart
        U1,A,1,2024-01-03T00:00:00Z,purchase
        U1,B,1,2024-01-04T00:00:00Z,VIEW
        U2,B,2,2024-01-05T00:00:00Z,purchase
        U2,C,1,2024-01-06T00:00:00Z,view
        """;

    [Fact]
    public void LoadInto_EventTypes_OnlyPurchasesAreSales()
    {
        var dataset = Load(Events);

        // Revenue 10.00 + 2 × 10.00 = 30.00 over 2 orders: 15.00 a order; the views and the cart count nowhere.
        Assert.Equal(new OverallKpis(2, 2, 2, 3, 30.00m, 15.00m), KpiCalculator.Overall(dataset));
        Assert.Equal([5f, 5f], dataset.Weights.ToArray());
        Assert.Equal(6, dataset.Interactions.TransactionCount);
        Assert.Equal([1f, 3f, 5f, 1f, 5f, 1f], dataset.Interactions.Weights.ToArray());
        Assert.Same(dataset.Interactions, dataset.Interactions.Interactions);
    }

    [Fact]
    public void Build_WeightAffinity_CountsEveryEvent()
    {
        var dataset = Load(Events);

        var affinities = CustomerAffinities.Build(dataset, AffinityWeight.Weight);

        // U1: A view 1 + cart 3 + purchase 5 = 9, B view 1; by purchases U1 has only A.
        Assert.True(dataset.TryGetCustomerIndex("U1", out var u1));
        Assert.Equal(["A", "B"], affinities.ProductsOf(u1).ToArray().Select(p => dataset.Products[p].Id));
        Assert.Equal([9.0, 1.0], affinities.ValuesOf(u1).ToArray());
        Assert.Equal(["A"], CustomerAffinities.Build(dataset, AffinityWeight.Purchases).ProductsOf(u1).ToArray().Select(p => dataset.Products[p].Id));
    }

    [Fact]
    public void Recommend_PopularityByWeight_ViewedNotBoughtIsStillRecommended()
    {
        var model = new PopularityRecommender(new PopularityOptions { Measure = PopularityMeasure.Weight }).Fit(Load(Events));

        // A 9, B 1 + 5 = 6, C 1; U1 bought only A, so B (viewed) and C come back.
        Assert.Equal(
            [
                new Recommendation("B", 1, 6.0, "most popular: weight 6, 2 units, 20.00 revenue"),
                new Recommendation("C", 2, 1.0, "most popular: weight 1, 0 units, 0.00 revenue"),
            ],
            model.Recommend("U1").ToArray());
    }

    [Fact]
    public void LoadInto_UnmappedEventType_RowErrorNamingTheOption()
    {
        var text = Events.Replace("U2,C,1,2024-01-06T00:00:00Z,view", "U2,C,1,2024-01-06T00:00:00Z,wishlist", StringComparison.Ordinal);
        var builder = NewBuilder();

        var report = TransactionLoader.LoadInto(builder, LoaderTestData.Utf8(text), "events.csv", options: LoaderTestData.Lenient);

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal(("events.csv", 7L, "event_type", "wishlist", "the event type is not mapped to a weight"), (diagnostic.Source, diagnostic.Line, diagnostic.Column, diagnostic.Value, diagnostic.Problem));
        Assert.Equal("one of cart, purchase, view", diagnostic.Expected);
        Assert.Equal("Correct it in the source; Map the event type in LoadOptions.EventWeights, and list it in LoadOptions.SaleEvents if it is a sale.", diagnostic.Hint);
        Assert.Equal(5, builder.Build().Interactions.TransactionCount);
    }

    [Fact]
    public void LoadInto_OwnMapping_CaseIgnoredAndOwnWeightWins()
    {
        const string Text = """
            customer_id,product_id,qty,ts,event,weight
            U1,A,1,2024-01-01T00:00:00Z,Click,
            U1,B,1,2024-01-02T00:00:00Z,buy,
            U2,C,1,2024-01-03T00:00:00Z,click,4
            """;
        var options = LoadOptions.Default with
        {
            EventWeights = new Dictionary<string, double> { ["click"] = 0.5, ["buy"] = 2 },
            SaleEvents = ["BUY"],
        };
        var builder = NewBuilder();

        TransactionLoader.LoadInto(builder, LoaderTestData.Utf8(Text), "events.csv", options: options);
        var dataset = builder.Build();

        Assert.Equal(["B"], dataset.Rows.Select(r => r.ProductId));
        Assert.Equal([0.5f, 2f, 4f], dataset.Interactions.Weights.ToArray());
    }

    [Fact]
    public void Load_Records_OnlyTheSales()
    {
        var result = TransactionLoader.Load(LoaderTestData.Utf8(Events), "events.csv");

        Assert.Equal([("U1", "A", 1), ("U2", "B", 2)], result.Rows.Select(t => (t.CustomerId, t.ProductId, t.Quantity)));
    }

    [Fact]
    public void Validate_BadEventOptions_ListsEach()
    {
        var options = LoadOptions.Default with
        {
            EventWeights = new Dictionary<string, double> { ["view"] = -1, ["buy"] = double.PositiveInfinity },
            SaleEvents = ["order"],
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(
            "Invalid LoadOptions: EventWeights['view'] must be a finite number of 0 or more (was -1). "
            + "EventWeights['buy'] must be a finite number of 0 or more (was Infinity). "
            + "SaleEvents names 'order', which EventWeights does not map; add it there.",
            error.Message);
    }

    private static EnrichedDataset Load(string text)
    {
        var builder = NewBuilder();
        TransactionLoader.LoadInto(builder, LoaderTestData.Utf8(text), "events.csv");
        return builder.Build();
    }

    private static EnrichedDatasetBuilder NewBuilder() => new EnrichedDatasetBuilder()
        .AddCustomers(new[] { "U1", "U2" }.Select(id => new Customer(id, "Basic")))
        .AddProducts(new[] { "A", "B", "C" }.Select(id => new Product(id, "Books", 10m)));
}
