using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using CustomerAnalytics.Tests.Infrastructure;

namespace RecommendationService.Tests;

/// <summary>The service as configured from settings: data read from files by the library's loaders.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-service-");

    [Fact]
    public async Task DataDirectory_SeedFilesLoaded()
    {
        using var factory = Configured(("CustomerAnalytics:DataDirectory", TestPaths.SampleData));

        var data = await ModelDataAsync(factory);

        Assert.Equal(7, data.GetProperty("transactions").GetInt32());
        Assert.Equal(4, data.GetProperty("customers").GetInt32());
        Assert.Equal("customers.csv, products.csv, transactions.csv", data.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Health_LenientFilesWithAnUnknownCustomer_AccountPerInput()
    {
        // Issue 10: /health shows what every input gave: read = loaded + rejected; loaded = kept + left out by reason.
        foreach (var file in Directory.GetFiles(TestPaths.SampleData, "*.csv"))
        {
            File.Copy(file, Path.Combine(_folder.FullName, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "transactions.csv"), "txn_id,customer_id,product_id,qty,ts\n1,C001,P100,1,2024-03-01\n2,CX,P100,1,2024-03-01\n3,C001,P100,x,2024-03-01\n");
        using var factory = Configured(("CustomerAnalytics:DataDirectory", _folder.FullName), ("CustomerAnalytics:Lenient", "true"));

        var data = await ModelDataAsync(factory);

        Assert.True(data.GetProperty("accountAddsUp").GetBoolean());
        var transactions = data.GetProperty("account").GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("role").GetString() == "transactions");
        Assert.Equal((3, 2, 1, 1), (transactions.GetProperty("rowsRead").GetInt32(), transactions.GetProperty("rowsLoaded").GetInt32(), transactions.GetProperty("rowsRejected").GetInt32(), transactions.GetProperty("rowsKept").GetInt32()));
        Assert.Equal(1, transactions.GetProperty("leftOut").GetProperty("unknown_customer").GetInt32());
    }

    [Fact]
    public async Task OrderLines_WinsOverDataDirectory()
    {
        var file = Path.Combine(_folder.FullName, "lines.csv");
        await File.WriteAllTextAsync(file, "order_id,customer_id,product_id,qty,ts,unit_price,segment,category\nO1,A,X,2,2024-01-05,1.50,Retail,Toys\nO1,A,Y,1,2024-01-05,10.00,Retail,Games\n");
        using var factory = Configured(("CustomerAnalytics:DataDirectory", TestPaths.SampleData), ("CustomerAnalytics:OrderLinesPath", file));

        var data = await ModelDataAsync(factory);

        Assert.Equal(2, data.GetProperty("transactions").GetInt32());
        Assert.Equal("lines.csv", data.GetProperty("source").GetString());
    }

    [Fact]
    public void NoData_StartFailsSayingWhatToSet()
    {
        using var factory = Configured(("CustomerAnalytics:DataDirectory", string.Empty));

        // The host may hand the start-up failure over as is or wrapped (seen once under heavy load): look for the cause.
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var cause = Causes(error).OfType<InvalidOperationException>().FirstOrDefault(e => e.Message.StartsWith("No data configured", StringComparison.Ordinal));
        Assert.True(cause is not null, error.ToString());
        Assert.StartsWith("No data configured: set CustomerAnalytics:DataDirectory", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSettings_StartFailsListingEveryProblem()
    {
        using var factory = Configured(("CustomerAnalytics:DefaultCount", "0"), ("CustomerAnalytics:OrderLinesPreset", "excel"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        // The package checks its settings and the sample its own: one message each, every key named in full.
        Assert.Contains("Invalid CustomerAnalytics settings: CustomerAnalytics:OrderLinesPreset must be 'default' or 'online-retail' (was 'excel').", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid CustomerAnalytics settings: CustomerAnalytics:DefaultCount must be at least 1 (was 0).", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static IEnumerable<Exception> Causes(Exception error)
    {
        yield return error;
        var inner = error is AggregateException aggregate ? aggregate.InnerExceptions : (IEnumerable<Exception>)(error.InnerException is { } one ? [one] : []);
        foreach (var cause in inner.SelectMany(Causes))
        {
            yield return cause;
        }
    }

    private static WebApplicationFactory<Program> Configured(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    private static async Task<JsonElement> ModelDataAsync(WebApplicationFactory<Program> factory)
    {
        var health = await factory.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative));
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        return health.GetProperty("checks").GetProperty("model").GetProperty("data");
    }
}
