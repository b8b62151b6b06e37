using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;
using static CustomerAnalytics.Tests.Recommendations.Persistence.SavedModelRoundTripTests;
using static CustomerAnalytics.Tests.Recommendations.RecommendationData;

namespace CustomerAnalytics.Tests.Recommendations;

public sealed class RecommenderStatisticsTests
{
    public static TheoryData<string> Strategies() => ["popularity", "popularity-units", "popularity-buyers", "segment-affinity", "segment-affinity-2"];

    /// <summary>The seed's figures worked out by hand (docs/recommenders.md): P100 19.99 × (2 + 1 + 3), P200 199.00 × (1 + 3), …</summary>
    private static RecommenderStatistics SeedByHand(bool withSegments = true) => RecommenderStatistics.Create(
        [
            new ProductSales(Seed.Products[0], 119.94m, 6, 3),
            new ProductSales(Seed.Products[1], 796.00m, 4, 2),
            new ProductSales(Seed.Products[2], 499.00m, 1, 1),
            new ProductSales(Seed.Products[3], 59.98m, 2, 1),
        ],
        [
            new CustomerProducts(Seed.Customers[0], ["P400", "P100", "P200", "P100"]),
            new CustomerProducts(Seed.Customers[1], ["P300", "P100"]),
            new CustomerProducts(Seed.Customers[2], ["P200"]),
            new CustomerProducts(Seed.Customers[3], ["P100"]),
        ],
        withSegments
            ?
            [
                new SegmentCategoryRevenue("Consumer", "Accessories", 119.95m),
                new SegmentCategoryRevenue("Consumer", "Software", 199.00m),
                new SegmentCategoryRevenue("SMB", "Hardware", 499.00m),
                new SegmentCategoryRevenue("SMB", "Accessories", 59.97m),
                new SegmentCategoryRevenue("Enterprise", "Software", 597.00m),
            ]
            : []);

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Create_SeedFiguresByHand_SameModelAsTheDataset(string strategy)
    {
        var dataset = Seed.Dataset();

        AssertSameModel(Fit(strategy, dataset), Fit(strategy, SeedByHand()), dataset);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Create_SyntheticFiguresByLinq_SameModelAsTheDataset(string strategy)
    {
        var dataset = Synthetic();

        AssertSameModel(Fit(strategy, dataset), Fit(strategy, ByLinq(dataset)), dataset);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Compute_Synthetic_SameModelAsTheDataset(string strategy)
    {
        var dataset = Synthetic();

        AssertSameModel(Fit(strategy, dataset), Fit(strategy, RecommenderStatistics.Compute(dataset)), dataset);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Create_SeedFiguresByHand_SavesTheSameFileAsTheDatasetModel(string strategy)
    {
        var fromStatistics = Fit(strategy, SeedByHand());

        Assert.Equal(Bytes(Fit(strategy, Seed.Dataset())), Bytes(fromStatistics));
        Assert.Equal(Flat(fromStatistics.RecommendAll()), Flat(RoundTrip(fromStatistics).RecommendAll()));
    }

    [Fact]
    public void Create_SeedByHand_SegmentAffinityListsEachSegmentsCategoriesFirst()
    {
        var model = new SegmentAffinityRecommender().Fit(SeedByHand());

        var items = model.Recommend("C002", new RecommendationRequest { ExcludePurchased = false });

        Assert.Equal(
            [
                new Recommendation("P300", 1, 499.0, "top seller in your segment's favourite category, Hardware"),
                new Recommendation("P100", 2, 59.97, "top seller in your segment's 2nd favourite category, Accessories"),
                new Recommendation("P400", 3, 59.97, "top seller in your segment's 2nd favourite category, Accessories"),
                new Recommendation("P200", 4, 0.0, "top seller: 4 units, 796.00 revenue"),
            ],
            items.ToArray());
    }

    [Fact]
    public void Create_WithoutSegmentRevenue_SegmentAffinityFallsBackToPopularity()
    {
        var model = new SegmentAffinityRecommender().Fit(SeedByHand(withSegments: false));

        Assert.Equal(["P200", "P300", "P100", "P400"], Ids(model.Recommend("C002", new RecommendationRequest { ExcludePurchased = false })));
    }

    [Fact]
    public void Create_KeepsCustomersAndProductsInTheOrderGiven()
    {
        var statistics = SeedByHand();

        Assert.Equal(Seed.Customers, statistics.Customers);
        Assert.Equal(Seed.Products, statistics.Products);
    }

    [Fact]
    public void Create_RepeatedProduct_NamesItAndBothPositions()
    {
        var e = Assert.Throws<ArgumentException>(() => RecommenderStatistics.Create(
            [new ProductSales(Seed.Products[0], 1m, 1, 0), new ProductSales(Seed.Products[0], 2m, 1, 0)], [], []));

        Assert.Equal("The product id 'P100' repeats in products (at 0 and 1); give each once. (Parameter 'products')", e.Message);
    }

    [Fact]
    public void Create_PurchaseOfAnUnlistedProduct_NamesCustomerAndProduct()
    {
        var e = Assert.Throws<ArgumentException>(() => RecommenderStatistics.Create(
            [new ProductSales(Seed.Products[0], 1m, 1, 1)], [new CustomerProducts(Seed.Customers[0], ["P100", "P999"])], []));

        Assert.Equal("Customer 'C001' (customers[0]) bought the product 'P999', which is not in products; list every purchased product in products. (Parameter 'customers')", e.Message);
    }

    [Fact]
    public void Create_SegmentNoCustomerHas_SaysSo()
    {
        var e = Assert.Throws<ArgumentException>(() => RecommenderStatistics.Create(
            [new ProductSales(Seed.Products[0], 1m, 1, 1)], [new CustomerProducts(Seed.Customers[0], ["P100"])], [new SegmentCategoryRevenue("Retail", "Accessories", 1m)]));

        Assert.Equal("segmentCategories[0] names the segment 'Retail', which no customer has; list only segments of the customers and categories of the products given. (Parameter 'segmentCategories')", e.Message);
    }

    [Fact]
    public void Create_RevenueWithFiveDecimals_SaysToRound()
    {
        var e = Assert.Throws<ArgumentException>(() => RecommenderStatistics.Create([new ProductSales(Seed.Products[0], 1.00005m, 1, 0)], [], []));

        Assert.Equal("The revenue 1.00005 of product 'P100' (products[0]) has more than 4 decimal places or is too large; round it to 4 decimal places. (Parameter 'products')", e.Message);
    }

    [Fact]
    public void Create_MoreBuyersThanCustomers_SaysSo()
    {
        var e = Assert.Throws<ArgumentException>(() => RecommenderStatistics.Create([new ProductSales(Seed.Products[0], 1m, 1, 2)], [new CustomerProducts(Seed.Customers[0], ["P100"])], []));

        Assert.Equal("The buyers of product 'P100' (products[0]) are 2, outside 0 to 1 (the number of customers given); count each customer once. (Parameter 'products')", e.Message);
    }

    [Fact]
    public void Fit_NullStatistics_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new PopularityRecommender().Fit((RecommenderStatistics)null!));
        Assert.Throws<ArgumentNullException>(() => new SegmentAffinityRecommender().Fit((RecommenderStatistics)null!));
    }

    [Fact]
    public void SegmentAffinityFit_WeightOtherThanRevenue_SaysStatisticsRankByRevenueOnly()
    {
        var recommender = new SegmentAffinityRecommender(new SegmentAffinityOptions { Weight = AffinityWeight.Purchases });
        var error = Assert.Throws<NotSupportedException>(() => recommender.Fit(SeedByHand()));
        Assert.Equal(
            "A segment-affinity model fitted from RecommenderStatistics ranks by revenue only, but SegmentAffinityOptions.Weight is Purchases. "
            + "Use AffinityWeight.Revenue, or fit from an EnrichedDataset for the other weights.",
            error.Message);
    }

    /// <summary>The figures worked out from the dataset's rows with LINQ, independently of the library's own pass.</summary>
    internal static RecommenderStatistics ByLinq(EnrichedDataset dataset)
    {
        var rows = dataset.Rows.ToArray();
        var products = dataset.Products.Select(p =>
        {
            var lines = rows.Where(r => r.ProductId == p.Id).ToArray();
            var buyers = lines.GroupBy(r => r.CustomerId).Count(g => g.Sum(r => r.Quantity) > 0);
            return new ProductSales(p, lines.Sum(r => r.Revenue), lines.Sum(r => (long)r.Quantity), buyers);
        });
        var bought = rows.Where(r => r.Quantity > 0).ToLookup(r => r.CustomerId, r => r.ProductId);
        var customers = dataset.Customers.Select(c => new CustomerProducts(c, [.. bought[c.Id]]));
        var segments = rows.GroupBy(r => (r.Segment, r.Category)).Select(g => new SegmentCategoryRevenue(g.Key.Segment, g.Key.Category, g.Sum(r => r.Revenue)));
        return RecommenderStatistics.Create(products, customers, segments);
    }

    internal static IRecommenderModel Fit(string strategy, RecommenderStatistics statistics) => Recommender(strategy) switch
    {
        PopularityRecommender p => p.Fit(statistics),
        SegmentAffinityRecommender s => s.Fit(statistics),
        var other => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, other.Name),
    };

    private static IRecommenderModel Fit(string strategy, EnrichedDataset dataset) => Recommender(strategy).Fit(dataset);

    /// <summary>The same lists for every customer, also with purchases kept and with a filter, and the same list for a customer never seen.</summary>
    internal static void AssertSameModel(IRecommenderModel expected, IRecommenderModel actual, EnrichedDataset dataset)
    {
        Assert.Equal(expected.StrategyName, actual.StrategyName);
        RecommendationRequest[] requests =
        [
            RecommendationRequest.Default,
            new() { Count = 8, ExcludePurchased = false },
            new() { Count = 3, DeniedProductIds = Set(dataset.Products[0].Id) },
        ];
        foreach (var request in requests)
        {
            var all = Flat(expected.RecommendAll(request));
            Assert.NotEmpty(all);
            Assert.Equal(all, Flat(actual.RecommendAll(request)));
            Assert.Equal(expected.Recommend("NOBODY", request).ToArray(), actual.Recommend("NOBODY", request).ToArray());
        }
    }
}
