using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Cli.Tests;

/// <summary>The EASE and ALS flags (their bad values: <c>CommandTests.Recommend_BadOption_Exit2</c>), and the per-customer splits of <c>evaluate</c> (issue 16).</summary>
public sealed class ModelFlagsTests
{
    private static string Data => TestPaths.SampleData;

    [Fact]
    public async Task Recommend_Ease_BecauseYouBought()
    {
        var result = await CliRunner.RunAsync("recommend", "--data", Data, "--customer", "C003", "--strategy", "ease", "--lambda", "1", "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("because you bought P200", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("│ P200", result.Output, StringComparison.Ordinal); // bought by C003: excluded
    }

    [Fact]
    public async Task Recommend_AlsFlags_AreUsed()
    {
        var result = await CliRunner.RunAsync("recommend", "--data", Data, "--customer", "C003", "--strategy", "als", "--als-factors", "4", "--als-iterations", "2", "--als-regularization", "0.1", "--als-alpha", "2", "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("customers with tastes like yours bought it", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chronological", "Split: chronological per customer (as Recommenders' python_chrono_split, ratio 0.5)")]
    [InlineData("stratified", "Split: stratified per customer (as Recommenders' python_stratified_split, ratio 0.5)")]
    public async Task Evaluate_PerCustomerSplits(string split, string expected)
    {
        var result = await CliRunner.RunAsync("evaluate", "--data", Data, "--split", split, "--fraction", "0.5", "--strategies", "popularity,ease", "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith(expected, result.Output, StringComparison.Ordinal);
        Assert.Contains("│ ease", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ease_OverItsLimit_IsADataErrorInTheToolsWords()
    {
        var dataset = new CustomerAnalytics.Enrichment.EnrichedDatasetBuilder()
            .AddCustomers([new("U", "S")]).AddProducts([new("A", "K", 1m), new("B", "K", 1m)])
            .AddTransactions([new("1", "U", "A", 1, DateTimeOffset.UnixEpoch), new("2", "U", "B", 1, DateTimeOffset.UnixEpoch)]).Build();

        var ex = Assert.Throws<Infrastructure.CliException>(() => new Infrastructure.ToolEase(new Recommendations.EaseOptions { MaxProducts = 1 }).Fit(dataset));

        Assert.Equal(ExitCodes.DataError, ex.ExitCode);
        Assert.StartsWith("EASE cannot fit 2 bought products", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("In the tool: pick --strategy item-cooccurrence or als (or leave ease out of evaluate's --strategies).", ex.Message, StringComparison.Ordinal);
    }
}
