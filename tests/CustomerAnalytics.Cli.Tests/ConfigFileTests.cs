using System.Text.RegularExpressions;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Cli.Tests;

/// <summary>Issue 14, "one configuration file": <c>--config customer-analytics.json</c> (the service's settings section)
/// gives every setting, flags win over it, and <c>--map</c> maps the columns of each of the three files.</summary>
public sealed partial class ConfigFileTests : IDisposable
{
    private const string Journey = "completejourney/transactions_sample.csv";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-cli-config-");

    [Fact]
    public async Task Kpis_ConfigNamingTheData_SameAsTheFlags()
    {
        var config = Write("customer-analytics.json", $$"""{ "CustomerAnalytics": { "DataDirectory": "{{Json(TestPaths.SampleData)}}" } }""");

        var fromFile = await CliRunner.RunAsync("kpis", "--config", config, "--quiet");
        var fromFlags = await CliRunner.RunAsync("kpis", "--data", TestPaths.SampleData, "--quiet");

        Assert.True(fromFile.ExitCode == 0, fromFile.ToString());
        Assert.Equal(fromFlags.Output, fromFile.Output);
    }

    [Fact]
    public async Task Kpis_RelativePathsInConfig_ResolvedFromTheFilesFolder()
    {
        ThreeFiles(Path.Combine(_folder.FullName, "data"));
        var config = Write("customer-analytics.json", """
            { "CustomerAnalytics": {
                "DataDirectory": "data",
                "CustomerColumns": { "id": "cust", "segment": "seg" },
                "ProductColumns": { "id": "sku_code", "category": "dept" } } }
            """);

        var result = await CliRunner.RunAsync("kpis", "--config", config, "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        CommandTests.AssertRow(result.Output, "Revenue", "8.50");
        CommandTests.AssertRow(result.Output, "Retail", "7.50", "1", "1", "3");
        CommandTests.AssertRow(result.Output, "Toys", "7.50", "1", "1", "3");
    }

    [Fact]
    public async Task Kpis_MapForEachOfThreeFiles_Loads()
    {
        var data = Path.Combine(_folder.FullName, "data");
        ThreeFiles(data);

        var result = await CliRunner.RunAsync(
            "kpis", "--data", data, "--quiet",
            "--map", "customers.id=cust", "--map", "customers.segment=seg", "--map", "products.id=sku_code", "--map", "products.category=dept", "--map", "transactions.quantity=qty");

        Assert.True(result.ExitCode == 0, result.ToString());
        CommandTests.AssertRow(result.Output, "Revenue", "8.50");
        CommandTests.AssertRow(result.Output, "Wholesale", "1.00", "1", "1", "1");
    }

    [Fact]
    public async Task Recommend_StrategyFlag_WinsOverTheConfig()
    {
        var config = Write("c.json", $$"""{ "CustomerAnalytics": { "DataDirectory": "{{Json(TestPaths.SampleData)}}", "Recommender": { "Strategy": "popularity" } } }""");

        var fromFile = await CliRunner.RunAsync("recommend", "--config", config, "--customer", "C004", "--count", "3", "--quiet");
        var flag = await CliRunner.RunAsync("recommend", "--config", config, "--customer", "C004", "--count", "3", "--quiet", "--strategy", "segment-affinity");

        Assert.Contains("Recommendations for C004 (Consumer), popularity", fromFile.Output, StringComparison.Ordinal);
        Assert.Contains("Recommendations for C004 (Consumer), segment-affinity", flag.Output, StringComparison.Ordinal);
    }

    /// <summary>Defaults from evidence: item co-occurrence with minimum support 3 (docs/recommender-quality.md). On the
    /// five-customer seed no pair has three buyers, so every list is the model's popularity fallback.</summary>
    [Fact]
    public async Task Recommend_NoStrategyNamed_ItemCooccurrenceWithSupport3()
    {
        var result = await CliRunner.RunAsync("recommend", "--data", TestPaths.SampleData, "--customer", "C004", "--count", "2", "--quiet");

        Assert.Contains("Recommendations for C004 (Consumer), item-cooccurrence", result.Output, StringComparison.Ordinal);
        CommandTests.AssertRow(result.Output, "1", "P200", "Software", "796", "top seller: 4 units, 796.00 revenue");
        CommandTests.AssertRow(result.Output, "2", "P300", "Hardware", "499", "top seller: 1 unit, 499.00 revenue");
    }

    [Fact]
    public async Task Kpis_LenientFlag_WinsOverStrictConfig()
    {
        var data = Path.Combine(_folder.FullName, "data");
        ThreeFiles(data, extraLine: "T3,C1,P1,many,2024-01-03T10:00:00Z\n");
        var config = Write("c.json", """{ "CustomerAnalytics": { "DataDirectory": "data", "Lenient": false, "CustomerColumns": { "id": "cust", "segment": "seg" }, "ProductColumns": { "id": "sku_code", "category": "dept" } } }""");

        var strict = await CliRunner.RunAsync("kpis", "--config", config, "--quiet");
        var lenient = await CliRunner.RunAsync("kpis", "--config", config, "--quiet", "--lenient");

        Assert.Equal(1, strict.ExitCode);
        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        CommandTests.AssertRow(lenient.Output, "Revenue", "8.50");
    }

    [Fact]
    public async Task Kpis_InvalidSettingInConfig_NamesFileAndKey()
    {
        var config = Write("bad.json", """{ "CustomerAnalytics": { "DataDirectory": "data", "RoundMoney": 7, "TimeZone": "Mars/Olympus" } }""");

        var result = await CliRunner.RunAsync("kpis", "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: {config}: Invalid CustomerAnalytics settings: CustomerAnalytics:TimeZone must be an IANA or Windows time zone id such as UTC or America/New_York (was 'Mars/Olympus'); "
            + "CustomerAnalytics:RoundMoney must be from 0 to 4 (was 7). See docs/config.md for the settings.",
            Flat(result.Error));
    }

    [Fact]
    public async Task Kpis_UnknownKeyInConfig_NamesIt()
    {
        var config = Write("typo.json", """{ "CustomerAnalytics": { "DataDirectory": "data", "Seperator": ";" } }""");

        var result = await CliRunner.RunAsync("kpis", "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {config}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("'Seperator'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpis_ConfigWithoutSection_SaysWhatToWrite()
    {
        var config = Write("flat.json", """{ "DataDirectory": "data" }""");

        var result = await CliRunner.RunAsync("kpis", "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {config}: no 'CustomerAnalytics' section; put the settings in {{ \"CustomerAnalytics\": {{ … }} }} (see docs/config.md).", Flat(result.Error));
    }

    [Fact]
    public async Task Kpis_BrokenJson_NamesLine()
    {
        var config = Write("broken.json", "{ \"CustomerAnalytics\": {\n  \"DataDirectory\": \"data\",,\n} }");

        var result = await CliRunner.RunAsync("kpis", "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {config}: not valid JSON at line 2,", Flat(result.Error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpis_MissingConfig_Exit2()
    {
        var result = await CliRunner.RunAsync("kpis", "--config", "nowhere.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: Config file not found: nowhere.json (--config).", Flat(result.Error));
    }

    [Theory]
    [InlineData("--time-zone", "Mars/Olympus", "error: Unknown --time-zone 'Mars/Olympus': use an IANA or Windows time zone id such as UTC or America/New_York.")]
    [InlineData("--similarity", "euclid", "error: --similarity must be one of jaccard, cosine, lift, cooccurrence (was 'euclid').")]
    [InlineData("--min-support", "0", "error: --min-support must be at least 1 (was 0).")]
    [InlineData("--map", "orders.id=x", "error: Invalid --map 'orders.id=x': expected [FILE.]FIELD=COLUMN with FILE customers (fields id, name, segment, signup), products (fields category, id, name, price) or transactions, the default, also for --order-lines (fields category, customer, customer-name, id, name, order, price, product, quantity, segment, timestamp, total).")]
    public async Task Kpis_BadFlag_Exit2NamingIt(string flag, string value, string error)
    {
        var result = await CliRunner.RunAsync("kpis", "--data", TestPaths.SampleData, flag, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(error, Flat(result.Error), StringComparison.Ordinal);
    }

    /// <summary>docs/cli.md's Complete Journey run: the three files from samples/config/completejourney.json (income as
    /// segment, department as category, sales_value as line total, New York time); revenue as RunAccountSharedDataTests.</summary>
    [SharedDataFact(Journey)]
    public async Task Kpis_CompleteJourneyFromConfig_AllThreeFilesMapped()
    {
        var config = Path.Combine(TestPaths.RepositoryRoot, "samples", "config", "completejourney.json");

        var result = await CliRunner.RunAsync("kpis", "--config", config, "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        CommandTests.AssertRow(result.Output, "Customers", "2,377");
        CommandTests.AssertRow(result.Output, "Order lines", "74,999");
        CommandTests.AssertRow(result.Output, "Revenue", "233,935.24");
        CommandTests.AssertRow(result.Output, "50-74K", "32,981.34", "6,239", "192", "1,130,483");
        CommandTests.AssertRow(result.Output, "GROCERY", "118,661.98", "33,088", "2,315", "63,730");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static string Json(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);

    internal static string Flat(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Three files whose customer and product headers are not the defaults: 3 × 2.50 (Retail, Toys) + 1 × 1.00 (Wholesale, Books).</summary>
    private static void ThreeFiles(string folder, string extraLine = "")
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "customers.csv"), "cust,seg\nC1,Retail\nC2,Wholesale\n");
        File.WriteAllText(Path.Combine(folder, "products.csv"), "sku_code,dept,price\nP1,Toys,2.50\nP2,Books,1.00\n");
        File.WriteAllText(Path.Combine(folder, "transactions.csv"), "txn_id,customer_id,product_id,qty,ts\nT1,C1,P1,3,2024-01-01T10:00:00Z\nT2,C2,P2,1,2024-01-02T10:00:00Z\n" + extraLine);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
