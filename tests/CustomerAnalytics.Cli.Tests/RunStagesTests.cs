using System.Text.RegularExpressions;
using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Cli.Tests;

/// <summary><c>run</c>'s "Stages" table: every stage present, in the order the stages run (times are never asserted).</summary>
public sealed class RunStagesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-cli-stages-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Run_Seed_SummaryListsEveryStageInOrderWithATime()
    {
        var result = await CliRunner.RunAsync("run", "--data", TestPaths.SampleData, "--output", Path.Combine(_folder.FullName, "out"), "--no-dashboard");

        Assert.True(result.ExitCode == 0, result.ToString());
        var table = result.Output[result.Output.IndexOf("Stages", StringComparison.Ordinal)..];
        string[] expected = ["load", "enrich", "KPIs and lists", "lifetime fits", "recommend", "write artifacts", "whole run", "peak memory"];
        Assert.Equal(expected, RunStageTable.Labels);
        var positions = expected.Select(label =>
        {
            var unit = label == "peak memory" ? "MB" : "s";
            var match = Regex.Match(table, "│ *" + Regex.Escape(label) + " *│ *[0-9,]+(\\.[0-9]{2})? " + unit + " *│");
            Assert.True(match.Success, $"no '{label}' row in\n{table}");
            return match.Index;
        }).ToList();
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task Run_Quiet_PrintsNoStagesTable()
    {
        var result = await CliRunner.RunAsync("run", "--data", TestPaths.SampleData, "--output", Path.Combine(_folder.FullName, "quiet"), "--quiet", "--no-dashboard");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Stages", result.Output, StringComparison.Ordinal);
    }
}
