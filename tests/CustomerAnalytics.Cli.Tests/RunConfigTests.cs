using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Cli.Tests;

/// <summary>Issue 14: <c>run</c>'s per-run flags have settings in the config file's <c>Run</c> section (the section the
/// service shares); a flag given wins; a bad value is named by its key.</summary>
public sealed class RunConfigTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-cli-runconfig-");

    private string Output => Path.Combine(_folder.FullName, "out");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Top_FromConfig_ThenFlagWins()
    {
        var config = Config("""{ "Top": 2 }""");

        var fromFile = await Run(config);
        var fileLines = await File.ReadAllLinesAsync(Path.Combine(Output, "top_products.csv"));
        var flag = await Run(config, "--top", "3");
        var flagLines = await File.ReadAllLinesAsync(Path.Combine(Output, "top_products.csv"));

        Assert.True(fromFile.ExitCode == 0 && flag.ExitCode == 0, fromFile + "\n" + flag);
        Assert.Equal(3, fileLines.Length);
        Assert.Equal(4, flagLines.Length);
    }

    [Fact]
    public async Task Count_FromConfig_ThenFlagWins()
    {
        var config = Config("""{ "Count": 1 }""");

        await Run(config);
        var fromFile = await MaxRank();
        await Run(config, "--count", "2");
        var flag = await MaxRank();

        Assert.Equal((1, 2), (fromFile, flag));
    }

    [Fact]
    public async Task Currency_FromConfig_OnTheDashboard_ThenFlagWins()
    {
        var config = Config("""{ "Currency": "EUR" }""", dashboard: true);

        var fromFile = await Run(config);
        var euros = await File.ReadAllTextAsync(Path.Combine(Output, "dashboard.html"));
        await Run(config, "--currency", "JPY");
        var yen = await File.ReadAllTextAsync(Path.Combine(Output, "dashboard.html"));

        Assert.True(fromFile.ExitCode == 0, fromFile.ToString());
        Assert.Contains("€", euros, StringComparison.Ordinal);
        Assert.DoesNotContain("¥", euros, StringComparison.Ordinal);
        Assert.Contains("¥", yen, StringComparison.Ordinal);
        Assert.DoesNotContain("€", yen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemoryLimitAndCheck_FromConfig_FailNamingTheKey_ThenFlagWins()
    {
        var config = Config("""{ "MemoryLimit": "50M" }""");

        var fromFile = await Run(config);
        var warn = await Run(config, "--memory-check", "warn");
        var off = await Run(Config("""{ "MemoryLimit": "1K", "MemoryCheck": "Off" }"""));
        var flagLimit = await Run(config, "--memory-limit", "8G");

        Assert.True(fromFile.ExitCode == 4, fromFile.ToString());
        Assert.Contains("more than the CustomerAnalytics:Run:MemoryLimit of 50.0 MiB; nothing was read.", ConfigFileTests.Flat(fromFile.Error), StringComparison.Ordinal);
        Assert.True(warn.ExitCode == 0, warn.ToString());
        Assert.Contains("Running anyway (--memory-check warn)", ConfigFileTests.Flat(warn.Error), StringComparison.Ordinal);
        Assert.True(off.ExitCode == 0 && off.Error.Length == 0, off.ToString());
        Assert.True(flagLimit.ExitCode == 0 && flagLimit.Error.Length == 0, flagLimit.ToString());
    }

    [Fact]
    public async Task WriteEventsFalse_FromConfig_NoEventsFile()
    {
        var result = await Run(Config("""{ "WriteEvents": false }"""));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(Path.Combine(Output, "events_enriched.csv")));
        Assert.True(File.Exists(Path.Combine(Output, "kpi_overall.csv")));
    }

    [Fact]
    public async Task WriteDashboard_FromConfig_ThenNoDashboardFlagWins()
    {
        var config = Config("""{ "WriteDashboard": true }""", dashboard: true);

        await Run(config);
        var written = File.Exists(Path.Combine(Output, "dashboard.html"));
        await Run(config, "--no-dashboard");
        var flag = File.Exists(Path.Combine(Output, "dashboard.html"));
        await Run(Config("""{ "WriteDashboard": false }""", dashboard: true));
        var notWritten = File.Exists(Path.Combine(Output, "dashboard.html"));

        Assert.Equal((true, false, false), (written, flag, notWritten));
    }

    [Fact]
    public async Task BadValues_Exit2NamingEveryKey()
    {
        var config = Config("""{ "Top": 0, "Count": -1, "MemoryLimit": "lots" }""");

        var result = await CliRunner.RunAsync("run", "--config", config, "--output", Output);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: {config}: Invalid CustomerAnalytics settings: CustomerAnalytics:Run:Top must be at least 1 (was 0); CustomerAnalytics:Run:Count must be at least 1 (was -1); "
            + "CustomerAnalytics:Run:MemoryLimit must be a size: a number of bytes with K, M, G or T (units of 1024), such as 8G or 512MB (was 'lots'). See docs/config.md for the settings.",
            ConfigFileTests.Flat(result.Error));
    }

    [Fact]
    public async Task BadCurrency_Exit2NamingTheKey_UnlessTheFlagReplacesIt()
    {
        var config = Config("""{ "Currency": "pounds sterling" }""", dashboard: true);

        var result = await CliRunner.RunAsync("run", "--config", config, "--output", Output);
        var flag = await Run(config, "--currency", "GBP");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {config}: Invalid CustomerAnalytics settings: CustomerAnalytics:Run:Currency 'pounds sterling' is not a currency", ConfigFileTests.Flat(result.Error), StringComparison.Ordinal);
        Assert.True(flag.ExitCode == 0, flag.ToString());
    }

    [Fact]
    public async Task BadMemoryCheckName_Exit2NamingTheKey()
    {
        var result = await CliRunner.RunAsync("run", "--config", Config("""{ "MemoryCheck": "Maybe" }"""), "--output", Output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CustomerAnalytics:Run:MemoryCheck", result.Error, StringComparison.Ordinal);
    }

    private Task<CliResult> Run(string config, params string[] flags) =>
        CliRunner.RunAsync(["run", "--config", config, "--output", Output, "--quiet", .. flags]);

    /// <summary>A config file over the seed with <paramref name="run"/> as its Run section (no dashboard unless asked, to keep runs short).</summary>
    private string Config(string run, bool dashboard = false)
    {
        var section = dashboard || run.Contains("WriteDashboard", StringComparison.Ordinal) ? run : run.TrimEnd().TrimEnd('}') + (run.Trim() == "{}" ? string.Empty : ", ") + "\"WriteDashboard\": false }";
        var path = Path.Combine(_folder.FullName, $"c{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""{ "CustomerAnalytics": { "DataDirectory": "{{TestPaths.SampleData.Replace("\\", "\\\\", StringComparison.Ordinal)}}", "Run": {{section}} } }""");
        return path;
    }

    private async Task<int> MaxRank() =>
        (await File.ReadAllLinesAsync(Path.Combine(Output, "recommendations", "by_customer.csv"))).Skip(1).Max(l => int.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture));
}
