using CustomerAnalytics.Hosting.Tests.Infrastructure;
using CustomerAnalytics.Recommendations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerAnalytics.Hosting.Tests;

/// <summary>Issue 14, "one configuration file": the settings the tool's <c>customer-analytics.json</c> and a service's
/// section share — column maps for each file, time zone, strategy options — and how they reach the library.</summary>
public sealed class ConfigurationFileTests
{
    [Fact]
    public void ToLoadOptions_ColumnMapsOfEachFile_ReplaceTheAcceptedNames()
    {
        var options = new CustomerAnalyticsOptions
        {
            CustomerColumns = new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = "household_id", ["Segment"] = "income" },
            ProductColumns = new Dictionary<string, string>(StringComparer.Ordinal) { ["category"] = "department" },
            Columns = new Dictionary<string, string>(StringComparer.Ordinal) { ["total"] = "sales_value" },
        }.ToLoadOptions();

        Assert.Equal(["household_id"], options.CustomerColumns.Id);
        Assert.Equal(["income"], options.CustomerColumns.Segment);
        Assert.Equal(Loading.CustomerColumns.Default.SignupDate, options.CustomerColumns.SignupDate);
        Assert.Equal(["department"], options.ProductColumns.Category);
        Assert.Equal(Loading.ProductColumns.Default.Id, options.ProductColumns.Id);
        Assert.Equal(["sales_value"], options.TransactionColumns.LineTotal);
    }

    [Fact]
    public void ToLoadOptions_TimeZone_IsTheSourceTimeZone()
    {
        var options = new CustomerAnalyticsOptions { TimeZone = "America/New_York" }.ToLoadOptions();

        Assert.Equal(TimeSpan.FromHours(-5), options.SourceTimeZone.GetUtcOffset(new DateTime(2017, 1, 28, 14, 6, 53, DateTimeKind.Unspecified)));
        Assert.Equal(TimeZoneInfo.Utc, new CustomerAnalyticsOptions().ToLoadOptions().SourceTimeZone);
    }

    [Fact]
    public void ToEnrichmentOptions_StrictUnlessLenient()
    {
        var strict = new CustomerAnalyticsOptions { UnknownProducts = Enrichment.UnknownReferencePolicy.KeepAsUnknown }.ToEnrichmentOptions();
        var lenient = new CustomerAnalyticsOptions { Lenient = true }.ToEnrichmentOptions();

        Assert.Equal((true, Enrichment.UnknownReferencePolicy.KeepAsUnknown), (strict.StrictReferences, strict.UnknownProducts));
        Assert.False(lenient.StrictReferences);
    }

    [Fact]
    public void FromConfiguration_EverySection_BoundAndChecked()
    {
        var section = Json("""
            { "CustomerAnalytics": { "TimeZone": "Europe/London", "CustomerColumns": { "segment": "income" },
              "Recommender": { "Strategy": "popularity", "MinimumSupport": 3, "Similarity": "Cooccurrence", "HalfLifeDays": 30 } } }
            """);

        var options = CustomerAnalyticsOptions.FromConfiguration(section);

        Assert.Equal("Europe/London", options.TimeZone);
        Assert.Equal("income", options.CustomerColumns["segment"]);
        Assert.Equal(new CustomerAnalyticsRecommenderOptions { Strategy = "popularity", MinimumSupport = 3, Similarity = ItemSimilarity.Cooccurrence, HalfLifeDays = 30 }, options.Recommender);
        Assert.Equal(ItemCooccurrenceOptions.Default with { MinimumSupport = 3, Similarity = ItemSimilarity.Cooccurrence, HalfLifeDays = 30 }, options.Recommender.ItemCooccurrence());
    }

    [Fact]
    public void FromConfiguration_BadValues_EveryKeyNamed()
    {
        var section = Json("""
            { "CustomerAnalytics": { "TimeZone": "Mars/Olympus", "CustomerColumns": { "segmnt": "income" }, "ProductColumns": { "price": " " },
              "Recommender": { "Strategy": " ", "MinimumSupport": 0, "HalfLifeDays": -1 } } }
            """);

        var error = Assert.Throws<ArgumentException>(() => CustomerAnalyticsOptions.FromConfiguration(section));

        Assert.Equal(
            "Invalid CustomerAnalytics settings: CustomerAnalytics:CustomerColumns:segmnt is not a field; use one of id, name, segment, signup; "
            + "CustomerAnalytics:ProductColumns:price must name a column; "
            + "CustomerAnalytics:TimeZone must be an IANA or Windows time zone id such as UTC or America/New_York (was 'Mars/Olympus'); "
            + "CustomerAnalytics:Recommender:Strategy must name a strategy; CustomerAnalytics:Recommender:MinimumSupport must be at least 1 (was 0); "
            + "CustomerAnalytics:Recommender:HalfLifeDays must be positive, or unset for no time decay (was -1).",
            error.Message);
    }

    [Fact]
    public void FromConfiguration_EaseAndAls_BoundAndChecked()
    {
        var good = CustomerAnalyticsOptions.FromConfiguration(Json("""
            { "CustomerAnalytics": { "Recommender": { "Lambda": 250, "AlsFactors": 32, "AlsIterations": 10, "AlsRegularization": 0.05, "AlsAlpha": 40 } } }
            """));
        var bad = Json("""
            { "CustomerAnalytics": { "Recommender": { "Lambda": 0, "AlsFactors": 0, "AlsIterations": 0, "AlsRegularization": 0, "AlsAlpha": -1 } } }
            """);

        var error = Assert.Throws<ArgumentException>(() => CustomerAnalyticsOptions.FromConfiguration(bad));

        Assert.Equal(EaseOptions.Default with { Lambda = 250 }, good.Recommender.Ease());
        Assert.Equal(ImplicitAlsOptions.Default with { Factors = 32, Iterations = 10, Regularization = 0.05, Alpha = 40 }, good.Recommender.ImplicitAls());
        Assert.Equal(
            "Invalid CustomerAnalytics settings: CustomerAnalytics:Recommender:Lambda must be finite and positive (was 0); "
            + "CustomerAnalytics:Recommender:AlsFactors must be 1 to 1024 (was 0); CustomerAnalytics:Recommender:AlsIterations must be 1 to 1000 (was 0); "
            + "CustomerAnalytics:Recommender:AlsRegularization must be finite and positive (was 0); CustomerAnalytics:Recommender:AlsAlpha must be finite and positive (was -1).",
            error.Message);
    }

    [Fact]
    public void FromConfiguration_UnknownKey_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CustomerAnalyticsOptions.FromConfiguration(Json("""{ "CustomerAnalytics": { "Seperator": ";" } }""")));

        Assert.Contains("'Seperator'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCustomerAnalytics_ItemCooccurrence_MadeWithTheRecommenderSettings()
    {
        await using var host = TestHost.Create(CustomerAnalyticsOptionsTests.Settings(("Recommender:MinimumSupport", "3"), ("Recommender:Similarity", "Cosine")));

        var recommender = host.Host.Services.GetServices<IRecommender>().OfType<ItemCooccurrenceRecommender>().Single();

        Assert.Equal(ItemCooccurrenceOptions.Default with { MinimumSupport = 3, Similarity = ItemSimilarity.Cosine }, recommender.Options);
        Assert.Equal(3, host.Host.Services.GetRequiredService<IOptions<CustomerAnalyticsOptions>>().Value.Recommender.MinimumSupport);
    }

    /// <summary>Defaults from evidence (docs/recommender-quality.md): item co-occurrence with minimum support 3.</summary>
    [Fact]
    public void Recommender_Defaults_ItemCooccurrenceWithSupport3()
    {
        var defaults = new CustomerAnalyticsOptions().Recommender;

        Assert.Equal(("item-cooccurrence", 3, ItemSimilarity.Jaccard, (double?)null), (defaults.Strategy, defaults.MinimumSupport, defaults.Similarity, defaults.HalfLifeDays));
        using var provider = new ServiceCollection().AddCustomerAnalytics(o => o).BuildServiceProvider();
        Assert.Equal(3, provider.GetServices<IRecommender>().OfType<ItemCooccurrenceRecommender>().Single().Options.MinimumSupport);
    }

    private static IConfigurationSection Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build().GetSection(CustomerAnalyticsOptions.SectionName);
}
