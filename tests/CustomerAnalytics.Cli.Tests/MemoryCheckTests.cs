using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Cli.Tests;

/// <summary><c>run --memory-check</c> and <c>--memory-limit</c>: the estimate made before reading, in the tool's words.</summary>
public sealed class MemoryCheckTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-cli-memory-");

    private string Output => Path.Combine(_folder.FullName, "out");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Run_LimitBelowTheEstimate_Exit4BeforeWritingAnythingWithTheFlagsThatHelp()
    {
        var result = await CliRunner.RunAsync("run", "--data", TestPaths.SampleData, "--output", Output, "--memory-limit", "50M");

        Assert.True(result.ExitCode == 4, result.ToString());
        var error = Flat(result.Error);
        Assert.Contains("The run would need about 80.0 MiB of memory at its peak, more than the --memory-limit of 50.0 MiB; nothing was read.", error, StringComparison.Ordinal);
        Assert.Contains("dominates: 0.0 MiB for about 4 rows", error, StringComparison.Ordinal);
        Assert.Contains("--memory-limit SIZE if the process may use more than was detected; --memory-check warn (or off) to run anyway; or kpis --engine duckdb", error, StringComparison.Ordinal);
        Assert.DoesNotContain("PipelineOptions", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public async Task Run_Warn_WarnsOnStandardErrorAndRuns()
    {
        var result = await CliRunner.RunAsync("run", "--data", TestPaths.SampleData, "--output", Output, "--quiet", "--no-dashboard", "--memory-limit", "1K", "--memory-check", "warn");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("more than the --memory-limit of 0.0 MiB; nothing was read.", Flat(result.Error), StringComparison.Ordinal);
        Assert.Contains("Running anyway (--memory-check warn)", Flat(result.Error), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Output, "kpi_overall.csv")));
    }

    [Fact]
    public async Task Run_Off_RunsSilently()
    {
        var result = await CliRunner.RunAsync("run", "--data", TestPaths.SampleData, "--output", Output, "--quiet", "--no-dashboard", "--memory-limit", "1", "--memory-check", "off");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData("--memory-limit", "lots", "--memory-limit 'lots' is not a size")]
    [InlineData("--memory-limit", "8X", "--memory-limit '8X' is not a size")]
    [InlineData("--memory-check", "maybe", "--memory-check 'maybe' is not a mode; one of: fail, warn, off.")]
    public async Task Run_BadMemoryFlag_Exit2SayingWhich(string flag, string value, string expected)
    {
        var result = await CliRunner.RunAsync("run", "--data", TestPaths.SampleData, "--output", Output, flag, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, Flat(result.Error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8G", 8L << 30)]
    [InlineData("8GB", 8L << 30)]
    [InlineData("512MiB", 512L << 20)]
    [InlineData("1.5g", 3L << 29)]
    [InlineData("100", 100L)]
    [InlineData("2T", 2L << 40)]
    [InlineData("64kb", 64L << 10)]
    public void ParseSize_UnitsOf1024(string text, long expected) => Assert.Equal(expected, MemoryGate.ParseSize(text));

    [Theory]
    [InlineData("")]
    [InlineData("G")]
    [InlineData("-1G")]
    [InlineData("0")]
    [InlineData("8 PB")]
    public void ParseSize_NotASize_Null(string text) => Assert.Null(MemoryGate.ParseSize(text));

    /// <summary>The console's text with its line wrapping undone.</summary>
    private static string Flat(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
