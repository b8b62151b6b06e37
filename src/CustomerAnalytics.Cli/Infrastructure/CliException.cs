namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>A user error with a message to print and an exit code: no stack trace is shown.</summary>
internal sealed class CliException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
