using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Hosting.Tests.Infrastructure;
using CustomerAnalytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerAnalytics.Hosting.AspNetCore.Tests;

/// <summary>Issue 14: the endpoints as a package, mapped by a host in a few lines.</summary>
public sealed class MapCustomerAnalyticsTests
{
    private static readonly KeyValuePair<string, string?>[] AdminOn = [new("CustomerAnalytics:EnableAdminReload", "true")];

    [Fact]
    public async Task FittedAt_HealthKpisAndReload_OneIsoForm()
    {
        await using var host = await EndpointHost.StartAsync(AdminOn, s => s.AddAuthorizationBuilder().AddPolicy(CustomerAnalyticsEndpointOptions.AdminPolicy, p => p.RequireAssertion(_ => true)));

        var health = await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative));
        var kpis = await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/kpis/summary", UriKind.Relative));
        using var reload = await host.Client.PostAsync(new Uri("/admin/reload", UriKind.Relative), null);
        var reloaded = await reload.Content.ReadFromJsonAsync<JsonElement>();

        // 2024-03-01T11:00:00.5Z: was "…11:00:00.5+00:00" in /kpis/summary and /admin/reload.
        Assert.Equal("2024-03-01T11:00:00.5000000Z", health.GetProperty("checks").GetProperty("model").GetProperty("data").GetProperty("fittedAt").GetString());
        Assert.Equal("2024-03-01T11:00:00.5000000Z", kpis.GetProperty("fittedAt").GetString());
        Assert.Equal("2024-03-01T11:00:00.5000000Z", reloaded.GetProperty("fittedAt").GetString());
    }

    [Fact]
    public async Task KpiRevenue_RoundedToTheCent_TwoDecimals()
    {
        // X sells 1 × 1.125 (half a cent: 1.13 half away from zero; banker's rounding would give 1.12), Y 1 × 199:
        // revenue 200.125 → 200.13, average order value (two orders) 100.0625 → 100.06.
        var source = new TestSource();
        source.Set(new EnrichedDatasetBuilder()
            .AddCustomers([new("A", "S")])
            .AddProducts([new("X", "K", 1.125m), new("Y", "K", 199m)])
            .AddTransactions([new("1", "A", "X", 1, Seed.At("2024-01-05T10:00:00Z")), new("2", "A", "Y", 1, Seed.At("2024-01-06T10:00:00Z"))])
            .Build());
        await using var host = await EndpointHost.StartAsync(source: source);

        var text = await host.Client.GetStringAsync(new Uri("/kpis/summary", UriKind.Relative));
        var kpis = JsonDocument.Parse(text).RootElement;

        Assert.Equal("200.13", kpis.GetProperty("overall").GetProperty("revenue").GetRawText());
        Assert.Equal("100.06", kpis.GetProperty("overall").GetProperty("averageOrderValue").GetRawText());
        Assert.Equal(["199.00", "1.13"], kpis.GetProperty("topProducts").EnumerateArray().Select(p => p.GetProperty("revenue").GetRawText()));
        Assert.Equal("200.13", kpis.GetProperty("byCategory")[0].GetProperty("revenue").GetRawText());
    }

    [Fact]
    public async Task Reasons_NameProductsWhereTheDataHasNames()
    {
        var source = new TestSource();
        source.Set(new EnrichedDatasetBuilder()
            .AddCustomers(Seed.Customers)
            .AddProducts(Seed.Products.Select(p => p.Id == "P200" ? p with { Name = "WHITE HANGING HEART T-LIGHT HOLDER" } : p))
            .AddTransactions(Seed.Transactions)
            .Build());
        await using var host = await EndpointHost.StartAsync(source: source);

        var body = await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/customers/C003/recommendations?strategy=item-cooccurrence", UriKind.Relative));

        // C003 bought P200 only: both recommendations are because of it (the sample's test without names says "P200").
        Assert.Equal(["because you bought WHITE HANGING HEART T-LIGHT HOLDER", "because you bought WHITE HANGING HEART T-LIGHT HOLDER"],
            body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Group_RequireAuthorization_GuardsEveryEndpoint()
    {
        await using var host = await EndpointHost.StartAsync(map: app => app.MapCustomerAnalytics().RequireAuthorization());

        foreach (var path in new[] { "/health", "/kpis/summary", "/customers/C001/recommendations", "/products/P100/related" })
        {
            using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, path + ": " + response.StatusCode);
        }
    }

    [Fact]
    public async Task Prefix_MapsUnderIt()
    {
        await using var host = await EndpointHost.StartAsync(map: app => app.MapCustomerAnalytics("/analytics"));

        using var under = await host.Client.GetAsync(new Uri("/analytics/kpis/summary", UriKind.Relative));
        using var root = await host.Client.GetAsync(new Uri("/kpis/summary", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, under.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
    }

    [Fact]
    public async Task AdminReload_OffByDefault_NotMapped()
    {
        await using var host = await EndpointHost.StartAsync(services: s => s.AddAuthorizationBuilder().AddPolicy(CustomerAnalyticsEndpointOptions.AdminPolicy, p => p.RequireAssertion(_ => true)));

        using var response = await host.Client.PostAsync(new Uri("/admin/reload", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, host.Source.Loads);
    }

    [Fact]
    public async Task AdminReload_Enabled_RequiresThePolicy()
    {
        await using var host = await EndpointHost.StartAsync(AdminOn, s => s.AddAuthorizationBuilder().AddPolicy(CustomerAnalyticsEndpointOptions.AdminPolicy, p => p.RequireAuthenticatedUser()));

        using var response = await host.Client.PostAsync(new Uri("/admin/reload", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, host.Source.Loads);
    }

    [Fact]
    public async Task AdminReload_EnabledWithoutThePolicy_MapFailsSayingWhatToAdd()
    {
        await using var app = EndpointHost.Build(AdminOn, null, new TestSource());

        var error = Assert.Throws<InvalidOperationException>(() => app.MapCustomerAnalytics());

        Assert.Equal("EnableAdminReload is on but no authorization policy named 'customer-analytics-admin' is registered: add one (services.AddAuthorizationBuilder().AddPolicy(CustomerAnalyticsEndpointOptions.AdminPolicy, …)) or turn EnableAdminReload off.", error.Message);
    }

    [Fact]
    public async Task EndpointsNotRegistered_MapFailsSayingWhatToCall()
    {
        await using var app = EndpointHost.Build(null, null, new TestSource(), endpoints: false);

        var error = Assert.Throws<InvalidOperationException>(() => app.MapCustomerAnalytics());

        Assert.StartsWith("MapCustomerAnalytics needs the CustomerAnalytics services: call builder.Services.AddCustomerAnalytics(section) and builder.Services.AddCustomerAnalyticsEndpoints(section)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownDefaultStrategy_MapFailsNamingTheKey()
    {
        await using var app = EndpointHost.Build([new("CustomerAnalytics:Recommender:Strategy", "magic")], null, new TestSource());

        var error = Assert.Throws<InvalidOperationException>(() => app.MapCustomerAnalytics());

        Assert.Equal("Invalid CustomerAnalytics settings: Recommender:Strategy must be one of the registered strategies item-cooccurrence, popularity, segment-affinity, or another of the library's (als, ease) (was 'magic').", error.Message);
    }
}
