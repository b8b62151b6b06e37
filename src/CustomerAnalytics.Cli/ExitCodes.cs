namespace CustomerAnalytics.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The input data has problems (strict mode), or a file is missing or unreadable.</summary>
    public const int DataError = 1;

    /// <summary>The command line is wrong: unknown command or option, missing or invalid value.</summary>
    public const int UsageError = 2;

    /// <summary>A customer or product asked for is not in the data.</summary>
    public const int NotFound = 3;

    /// <summary>The run's memory estimate exceeds the memory available (<c>run --memory-check fail</c>, before reading).</summary>
    public const int OutOfMemory = 4;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>An unexpected internal error (a bug): please report it.</summary>
    public const int InternalError = 70;
}
