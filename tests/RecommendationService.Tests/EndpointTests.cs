using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RecommendationService.Tests;

public sealed class EndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>Defaults from evidence (docs/recommender-quality.md): a request naming no strategy gets item co-occurrence.</summary>
    [Fact]
    public async Task Recommendations_NoStrategyNamed_ItemCooccurrence()
    {
        var body = await GetJsonAsync("/customers/C003/recommendations", HttpStatusCode.OK);
        var named = await GetJsonAsync("/customers/C003/recommendations?strategy=item-cooccurrence", HttpStatusCode.OK);

        Assert.Equal("item-cooccurrence", body.GetProperty("strategy").GetString());
        Assert.Equal(named.GetProperty("items").GetRawText(), body.GetProperty("items").GetRawText());
    }

    [Fact]
    public async Task Recommendations_SegmentAffinityForC004()
    {
        var body = await GetJsonAsync("/customers/C004/recommendations?strategy=segment-affinity", HttpStatusCode.OK);

        Assert.Equal("C004", body.GetProperty("customerId").GetString());
        Assert.Equal("segment-affinity", body.GetProperty("strategy").GetString());
        Assert.Equal(1, body.GetProperty("modelVersion").GetInt64());
        var items = body.GetProperty("items");
        Assert.Equal(["P200", "P400", "P300"], items.EnumerateArray().Select(i => i.GetProperty("productId").GetString()));
        Assert.Equal([1, 2, 3], items.EnumerateArray().Select(i => i.GetProperty("rank").GetInt32()));
        Assert.Equal(199.0, items[0].GetProperty("score").GetDouble());
        Assert.Equal("top seller in your segment's favourite category, Software", items[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Recommendations_PopularityCountAndExclusion()
    {
        var excluded = await GetJsonAsync("/customers/C001/recommendations?strategy=popularity", HttpStatusCode.OK);
        var all = await GetJsonAsync("/customers/C001/recommendations?strategy=popularity&count=2&excludePurchased=false", HttpStatusCode.OK);

        Assert.Equal(["P300"], Ids(excluded));
        Assert.Equal("top seller: 1 unit, 499.00 revenue", excluded.GetProperty("items")[0].GetProperty("reason").GetString());
        Assert.Equal(["P200", "P300"], Ids(all));
        Assert.Equal("popularity", all.GetProperty("strategy").GetString());
    }

    [Fact]
    public async Task Recommendations_ItemCooccurrence_BecauseYouBought()
    {
        // C003 bought P200: P400 (Jaccard 1/2) then P100 (1/4).
        var body = await GetJsonAsync("/customers/C003/recommendations?strategy=item-cooccurrence", HttpStatusCode.OK);

        Assert.Equal(["P400", "P100"], Ids(body));
        Assert.Equal("because you bought P200", body.GetProperty("items")[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Recommendations_UnknownCustomer_404Problem()
    {
        var problem = await GetProblemAsync("/customers/C999/recommendations", HttpStatusCode.NotFound);

        Assert.Equal("Customer not found", problem.GetProperty("title").GetString());
        Assert.Equal("Customer 'C999' is not in the data of model version 1.", problem.GetProperty("detail").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("count=0", "count", "count must be a whole number from 1 to 100 (was '0').")]
    [InlineData("count=101", "count", "count must be a whole number from 1 to 100 (was '101').")]
    [InlineData("count=abc", "count", "count must be a whole number from 1 to 100 (was 'abc').")]
    [InlineData("count=-1", "count", "count must be a whole number from 1 to 100 (was '-1').")]
    [InlineData("strategy=magic", "strategy", "Unknown strategy 'magic'; one of: item-cooccurrence, popularity, segment-affinity.")]
    [InlineData("excludePurchased=maybe", "excludePurchased", "excludePurchased must be true or false (was 'maybe').")]
    public async Task Recommendations_BadParameter_400Problem(string query, string parameter, string message)
    {
        var problem = await GetProblemAsync("/customers/C001/recommendations?" + query, HttpStatusCode.BadRequest);

        Assert.Equal("Invalid request parameters", problem.GetProperty("title").GetString());
        Assert.Equal([message], problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Recommendations_SeveralBadParameters_AllListed()
    {
        var problem = await GetProblemAsync("/customers/C999/recommendations?count=0&strategy=x", HttpStatusCode.BadRequest);

        Assert.Equal(["count", "strategy"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Related_CustomersWhoBoughtAlsoBought()
    {
        // P400 was bought by C001 only, who also bought P200 (bought by 2: Jaccard 1/2) and P100 (bought by 3: 1/3).
        var body = await GetJsonAsync("/products/P400/related", HttpStatusCode.OK);

        Assert.Equal("Accessories", body.GetProperty("category").GetString());
        Assert.Equal("item-cooccurrence", body.GetProperty("method").GetString());
        Assert.Equal(["P200", "P100"], Ids(body));
        Assert.Equal(0.5, body.GetProperty("items")[0].GetProperty("score").GetDouble());
        Assert.Equal(1.0 / 3, body.GetProperty("items")[1].GetProperty("score").GetDouble(), 12);
        Assert.Equal("often bought with P400", body.GetProperty("items")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Related_Count_Limits()
    {
        var body = await GetJsonAsync("/products/P400/related?count=1", HttpStatusCode.OK);

        Assert.Equal(["P200"], Ids(body));
    }

    [Fact]
    public async Task Related_UnknownProduct_404Problem()
    {
        var problem = await GetProblemAsync("/products/NOPE/related", HttpStatusCode.NotFound);

        Assert.Equal("Product 'NOPE' is not in the data of model version 1.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Related_BadCount_400Problem()
    {
        var problem = await GetProblemAsync("/products/P100/related?count=1000", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("count", out _));
    }

    [Fact]
    public async Task KpiSummary_SeedFigures()
    {
        var body = await GetJsonAsync("/kpis/summary", HttpStatusCode.OK);

        var overall = body.GetProperty("overall");
        Assert.Equal(4, overall.GetProperty("customers").GetInt32());
        Assert.Equal(7, overall.GetProperty("orders").GetInt32());
        Assert.Equal(1474.92m, overall.GetProperty("revenue").GetDecimal());
        Assert.Equal(210.70m, overall.GetProperty("averageOrderValue").GetDecimal());
        Assert.Equal(["Enterprise", "SMB", "Consumer"], body.GetProperty("bySegment").EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        Assert.Equal(558.97m, body.GetProperty("bySegment")[1].GetProperty("revenue").GetDecimal());
        Assert.Equal(["Software", "Hardware", "Accessories"], body.GetProperty("byCategory").EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        Assert.Equal(["P200", "P300", "P100", "P400"], body.GetProperty("topProducts").EnumerateArray().Select(s => s.GetProperty("productId").GetString()));
    }

    [Fact]
    public async Task Health_HealthyWithModelFacts()
    {
        var body = await GetJsonAsync("/health", HttpStatusCode.OK);

        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var data = body.GetProperty("checks").GetProperty("model").GetProperty("data");
        Assert.Equal(7, data.GetProperty("transactions").GetInt32());
        Assert.Equal(4, data.GetProperty("customers").GetInt32());
        Assert.Equal(["item-cooccurrence", "popularity", "segment-affinity"], data.GetProperty("strategies").EnumerateArray().Select(s => s.GetString()));
        var account = data.GetProperty("account");
        Assert.True(data.GetProperty("accountAddsUp").GetBoolean());
        Assert.Equal((7, 7, 0), (account.GetProperty("transactionsJoined").GetInt32(), account.GetProperty("transactionsKept").GetInt32(), account.GetProperty("rowsToList").GetInt32()));
    }

    internal static IEnumerable<string> Ids(JsonElement body) => body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productId").GetString() ?? "(null)");

    private async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> GetProblemAsync(string path, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
