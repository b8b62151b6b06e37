using Spectre.Console;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>Where the tool writes: results to <see cref="Out"/>, errors to <see cref="Error"/> (standard error).</summary>
internal sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error);
