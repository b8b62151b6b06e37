using System.Net;
using System.Text.Json;
using CustomerAnalytics.Hosting.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerAnalytics.Hosting.AspNetCore.Tests;

/// <summary>Issue 14: <c>MapCustomerAnalytics(options)</c> takes the endpoints' settings in code, over whatever the
/// configuration holds, checked at map and named by property.</summary>
public sealed class CodeOptionsTests
{
    [Fact]
    public async Task CodeOptions_DefaultAndMaxCount_UsedInsteadOfTheConfiguration()
    {
        await using var host = await EndpointHost.StartAsync(
            [new("CustomerAnalytics:DefaultCount", "10"), new("CustomerAnalytics:MaxCount", "100")],
            map: app => app.MapCustomerAnalytics(new CustomerAnalyticsEndpointOptions { DefaultCount = 2, MaxCount = 3 }));

        var body = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/customers/C004/recommendations", UriKind.Relative))).RootElement;
        using var tooMany = await host.Client.GetAsync(new Uri("/customers/C004/recommendations?count=4", UriKind.Relative));

        Assert.Equal(2, body.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("count must be a whole number from 1 to 3 (was '4').", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeOptions_PrefixAndAdminReload_MappedWithoutConfiguration()
    {
        await using var host = await EndpointHost.StartAsync(
            services: s => s.AddAuthorizationBuilder().AddPolicy(CustomerAnalyticsEndpointOptions.AdminPolicy, p => p.RequireAssertion(_ => true)),
            map: app => app.MapCustomerAnalytics("/analytics", new CustomerAnalyticsEndpointOptions { EnableAdminReload = true }));

        using var reload = await host.Client.PostAsync(new Uri("/analytics/admin/reload", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.Equal(2, host.Source.Loads);
    }

    [Fact]
    public async Task CodeOptions_Invalid_MapFailsNamingTheProperties()
    {
        await using var app = EndpointHost.Build(null, null, new TestSource());

        var error = Assert.Throws<OptionsValidationException>(() => app.MapCustomerAnalytics(new CustomerAnalyticsEndpointOptions { DefaultCount = 5, MaxCount = 4 }));

        Assert.Equal("Invalid CustomerAnalyticsEndpointOptions settings: MaxCount must be at least DefaultCount (was 4).", error.Message);
    }

    [Fact]
    public async Task CodeOptions_Null_Throws()
    {
        await using var app = EndpointHost.Build(null, null, new TestSource());

        Assert.Throws<ArgumentNullException>(() => app.MapCustomerAnalytics((CustomerAnalyticsEndpointOptions)null!));
    }
}
