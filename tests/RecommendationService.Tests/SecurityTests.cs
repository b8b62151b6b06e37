using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerAnalytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using CustomerAnalytics.Hosting;

namespace RecommendationService.Tests;

/// <summary>Issue 14, secure by default: admin off unless enabled and then behind a key, localhost, coalesced
/// reloads, no paths or raw values in responses.</summary>
public sealed class SecurityTests : IDisposable
{
    private static readonly Uri Reload = new("/admin/reload", UriKind.Relative);
    private readonly ServiceFactory _factory = new();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-secure-");

    [Fact]
    public async Task AdminReload_NotEnabled_404()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.ConfigureTestServices(services => services.AddSingleton<IDatasetSource>(_factory.Source));
        });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ServiceFactory.ApiKey);

        using var response = await client.PostAsync(Reload, null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-admin-key ")]
    public async Task AdminReload_WithoutTheKey_401AndNoReload(string? key)
    {
        var client = _factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        using var response = await client.PostAsync(Reload, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, _factory.Source.Loads);
    }

    [Fact]
    public async Task AdminReload_WithTheKey_200()
    {
        using var response = await _factory.CreateAdminClient().PostAsync(Reload, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("modelVersion").GetInt64());
    }

    [Fact]
    public void AdminEnabledWithoutKey_StartFailsNamingTheSetting()
    {
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("CustomerAnalytics:AdminApiKey", string.Empty));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Invalid CustomerAnalytics settings: CustomerAnalytics:AdminApiKey must be set when CustomerAnalytics:EnableAdminReload is true (the key clients send in the X-Api-Key header).", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_ListensOnLocalhostUnlessConfigured()
    {
        var configuration = _factory.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("http://127.0.0.1:5000", configuration["Urls"]);
        Assert.Equal("False", configuration["CustomerAnalytics:Diagnostics:IncludeDetails"]);
    }

    [Fact]
    public async Task AdminReload_TwelveConcurrent_OneReloadReportedToAll()
    {
        var client = _factory.CreateAdminClient();
        Assert.Equal(1, _factory.Source.Loads);
        var store = _factory.Services.GetRequiredService<ModelStore>();
        var gate = _factory.Source.Hold();

        var requests = Enumerable.Range(0, 12).Select(_ => client.PostAsync(Reload, null)).ToArray();
        while (store.CoalescedReloads < 11)
        {
            await Task.Delay(10);
        }

        gate.SetResult();
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var versions = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("modelVersion").GetInt64()));
        Assert.All(versions, v => Assert.Equal(2, v));
        Assert.Equal(2, _factory.Source.Loads);
        Array.ForEach(responses, r => r.Dispose());
    }

    [Theory]
    [InlineData("garbage", "text/plain", "(was Content-Type 'text/plain; charset=utf-8').")]
    [InlineData("{not json", "application/json", "(the body is not valid JSON: line 1, byte 2).")]
    [InlineData("{\"force\":true}", "application/json", "(was a JSON object with properties).")]
    [InlineData("[]", "application/json", "(was a JSON array).")]
    public async Task AdminReload_UnexpectedBody_400AndNoReload(string body, string mediaType, string reason)
    {
        using var content = new StringContent(body, Encoding.UTF8, mediaType);

        using var response = await _factory.CreateAdminClient().PostAsync(Reload, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The reload request takes no body, or an empty JSON object '{}' with Content-Type application/json " + reason, problem.GetProperty("detail").GetString());
        Assert.Equal(1, _factory.Source.Loads);
    }

    [Fact]
    public async Task AdminReload_EmptyJsonObject_Reloads()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");

        using var response = await _factory.CreateAdminClient().PostAsync(Reload, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _factory.Source.Loads);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FailedReload_ProblemAndHealth_FileNamesOnlyUnlessDetailsEnabled(bool details)
    {
        foreach (var file in Directory.GetFiles(TestPaths.SampleData, "*.csv"))
        {
            File.Copy(file, Path.Combine(_folder.FullName, Path.GetFileName(file)));
        }

        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("CustomerAnalytics:DataDirectory", _folder.FullName);
            b.UseSetting("CustomerAnalytics:EnableAdminReload", "true");
            b.UseSetting("CustomerAnalytics:AdminApiKey", ServiceFactory.ApiKey);
            b.UseSetting("CustomerAnalytics:Diagnostics:IncludeDetails", details ? "true" : "false");
        });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ServiceFactory.ApiKey);
        _ = await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative));
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "transactions.csv"), "txn_id,customer_id,product_id,qty,ts\n1,C001,P100,secret-42,2024-03-01\n");

        using var response = await client.PostAsync(Reload, null);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        var health = await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative));
        var model = health.GetProperty("checks").GetProperty("model");
        var text = detail + model.GetProperty("description").GetString() + model.GetProperty("data").GetRawText();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("transactions.csv", detail, StringComparison.Ordinal);
        Assert.Equal(details, text.Contains(_folder.FullName, StringComparison.Ordinal));
        Assert.Equal(details, text.Contains("secret-42", StringComparison.Ordinal));
        Assert.False(!details && text.Contains(Environment.CurrentDirectory, StringComparison.Ordinal), text);
        Assert.Equal(details ? string.Join(", ", new[] { "customers.csv", "products.csv", "transactions.csv" }.Select(f => Path.Combine(_folder.FullName, f))) : "customers.csv, products.csv, transactions.csv",
            model.GetProperty("data").GetProperty("source").GetString());
        if (!details)
        {
            Assert.Equal(
                "1 problem found while loading 'transactions.csv'. Load with LoadOptions { Mode = LoadMode.Lenient } to keep the good rows and get these as diagnostics.\n"
                + "  transactions.csv(2): error, column 'qty': not a whole number; expected a whole number such as 3, or -1 for a return. Model version 1 keeps serving.",
                detail.ReplaceLineEndings("\n"));
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        _folder.Delete(recursive: true);
    }
}
