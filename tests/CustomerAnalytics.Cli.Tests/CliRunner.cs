using CustomerAnalytics.Cli.Infrastructure;
using Spectre.Console;

namespace CustomerAnalytics.Cli.Tests;

/// <summary>Runs the tool in-process with recording consoles (no colours, not interactive, wide).</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, new CliConsoles(Recording(output), Recording(error)), CancellationToken.None);
        return new CliResult(exitCode, output.ToString().Replace("\r", string.Empty, StringComparison.Ordinal), error.ToString().Replace("\r", string.Empty, StringComparison.Ordinal));
    }

    private static IAnsiConsole Recording(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        return console;
    }
}

/// <summary>What a run of the tool gave.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
