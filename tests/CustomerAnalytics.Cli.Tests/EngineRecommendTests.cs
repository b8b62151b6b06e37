namespace CustomerAnalytics.Cli.Tests;

/// <summary><c>recommend --engine</c>: popularity and segment affinity fitted from the database's statistics print what the in-memory run prints on samples/data.</summary>
public sealed class EngineRecommendTests
{
    private static readonly string Data = SampleDuckDb.Data;

    [Theory]
    [InlineData("popularity", "C001", false)]
    [InlineData("popularity", "C004", true)]
    [InlineData("segment-affinity", "C002", false)]
    [InlineData("segment-affinity", "C003", true)]
    public async Task RecommendEngineDuckDb_SamplesData_PrintsTheInMemoryTable(string strategy, string customer, bool includePurchased)
    {
        var database = Path.Combine(Path.GetTempPath(), "customer-analytics-cli-" + Guid.NewGuid().ToString("N") + ".duckdb");
        try
        {
            await SampleDuckDb.WriteAsync(database);
            string[] common = ["recommend", "--customer", customer, "--strategy", strategy, "--quiet", .. includePurchased ? new[] { "--include-purchased" } : []];

            var inMemory = await CliRunner.RunAsync([.. common, "--data", Data]);
            var engine = await CliRunner.RunAsync([.. common, "--engine", "duckdb", "--connection", "Data Source=" + database]);

            Assert.Equal(0, engine.ExitCode);
            Assert.Equal(inMemory.Output, engine.Output);
            Assert.Contains($"Recommendations for {customer}", engine.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(database);
        }
    }

    [Fact]
    public async Task RecommendEngineDuckDb_UnknownCustomer_IsNotFound()
    {
        var database = Path.Combine(Path.GetTempPath(), "customer-analytics-cli-" + Guid.NewGuid().ToString("N") + ".duckdb");
        try
        {
            await SampleDuckDb.WriteAsync(database);

            var result = await CliRunner.RunAsync("recommend", "--customer", "C999", "--strategy", "popularity", "--engine", "duckdb", "--connection", "Data Source=" + database, "--quiet");

            Assert.Equal(3, result.ExitCode);
            Assert.Contains("Customer 'C999' is not in the data (4 customers loaded).", result.Output + result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(database);
        }
    }

    [Theory]
    [InlineData(new[] { "recommend", "-c", "C001", "--engine", "duckdb", "--connection", "x" }, "--engine fits popularity or segment-affinity only (from the statistics the database computes); name one with --strategy.")]
    [InlineData(new[] { "recommend", "-c", "C001", "--strategy", "item-cooccurrence", "--engine", "duckdb", "--connection", "x" }, "(was 'item-cooccurrence', which needs the rows: load files instead)")]
    [InlineData(new[] { "recommend", "-c", "C001", "--strategy", "popularity", "--engine", "duckdb" }, "--engine needs --connection")]
    [InlineData(new[] { "recommend", "-c", "C001", "--strategy", "popularity", "--engine", "duckdb", "--connection", "x", "--data", "samples/data" }, "not both")]
    [InlineData(new[] { "recommend", "-c", "C001", "--engine", "duckdb", "--connection", "x", "--model", "m.cam" }, "Give either --engine (fit in a database) or --model (a saved model), not both.")]
    public async Task RecommendEngine_BadFlags_AreUsageErrorsNamingTheFlag(string[] args, string message)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Output + result.Error, StringComparison.Ordinal);
    }
}
