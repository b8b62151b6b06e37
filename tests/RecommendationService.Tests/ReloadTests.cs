using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace RecommendationService.Tests;

/// <summary>Each test gets its own service: reloads change its state.</summary>
public sealed class ReloadTests : IDisposable
{
    private readonly ServiceFactory _factory = new();

    [Fact]
    public async Task Reload_NewData_ServedUnderNextVersion()
    {
        var client = _factory.CreateAdminClient();
        Assert.Equal(1, await VersionAsync(client));
        _factory.Source.Set(SeedWithNewProduct());

        using var response = await client.PostAsync(new Uri("/admin/reload", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("modelVersion").GetInt64());
        Assert.Equal(8, body.GetProperty("transactions").GetInt32());
        Assert.Equal(5, body.GetProperty("products").GetInt32());
        var related = await client.GetFromJsonAsync<JsonElement>(new Uri("/products/P500/related", UriKind.Relative));
        Assert.Equal(["P200"], EndpointTests.Ids(related));
        Assert.Equal(2, related.GetProperty("modelVersion").GetInt64());
    }

    [Fact]
    public async Task Reload_Failing_OldModelKeepsServingAndHealthDegraded()
    {
        var client = _factory.CreateAdminClient();
        _ = await VersionAsync(client);
        _factory.Source.Set(Seed.Dataset(), failure: "transactions.csv line 3, column 4: 'x' is not a number");

        using var response = await client.PostAsync(new Uri("/admin/reload", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Reload failed", problem.GetProperty("title").GetString());
        Assert.Equal("transactions.csv line 3, column 4: 'x' is not a number Model version 1 keeps serving.", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await VersionAsync(client));
        var health = await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative));
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reload_WhileServing_EveryAnswerConsistentWithItsVersion()
    {
        // Versions alternate between the seed (odd) and the seed with P500 bought by C003 (even): P200's related
        // products are P400, P100 in an odd version and P400, P500, P100 in an even one — never a mix.
        var client = _factory.CreateAdminClient();
        _ = await VersionAsync(client);
        var withNew = SeedWithNewProduct();
        var seed = Seed.Dataset();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var checkedAnswers = 0;
            while (!stop.IsCancellationRequested || checkedAnswers == 0)
            {
                var body = await client.GetFromJsonAsync<JsonElement>(new Uri("/products/P200/related", UriKind.Relative));
                var version = body.GetProperty("modelVersion").GetInt64();
                Assert.Equal(version % 2 == 0 ? ["P400", "P500", "P100"] : ["P400", "P100"], EndpointTests.Ids(body));
                checkedAnswers++;
            }

            return checkedAnswers;
        })).ToArray();

        for (var i = 0; i < 6; i++)
        {
            _factory.Source.Set(i % 2 == 0 ? withNew : seed);
            using var response = await client.PostAsync(new Uri("/admin/reload", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await stop.CancelAsync();
        var answers = await Task.WhenAll(readers);
        Assert.All(answers, a => Assert.True(a > 0));
        Assert.Equal(7, await VersionAsync(client));
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<long> VersionAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri("/kpis/summary", UriKind.Relative))).GetProperty("modelVersion").GetInt64();

    private static EnrichedDataset SeedWithNewProduct() =>
        new EnrichedDatasetBuilder()
            .AddCustomers(Seed.Customers)
            .AddProducts([.. Seed.Products, new Product("P500", "Hardware", 99.00m)])
            .AddTransactions([.. Seed.Transactions, new Transaction("8", "C003", "P500", 1, Seed.At("2024-03-07T09:00:00Z"))])
            .Build();
}
