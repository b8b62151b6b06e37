using CustomerAnalytics.Hosting.Internal;
using CustomerAnalytics.Pipeline;
using Spectre.Console;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>
/// <c>run</c>'s memory check (<c>--memory-check</c>, <c>--memory-limit</c>): the library's estimate made before anything
/// is read, failing or warning in the tool's words (its flags, not the API's option names).
/// </summary>
internal static class MemoryGate
{
    /// <summary>The values of <c>--memory-check</c>.</summary>
    public static readonly string[] Modes = ["fail", "warn", "off"];

    /// <summary>The mode a <c>--memory-check</c> value names (one of <see cref="Modes"/>).</summary>
    public static MemoryCheck ModeOf(string flag) => flag switch
    {
        "warn" => MemoryCheck.Warn,
        "off" => MemoryCheck.Off,
        _ => MemoryCheck.Fail,
    };

    /// <summary>Estimates the run's peak; fails with exit code 4 (<c>Fail</c>) or prints a warning (<c>Warn</c>) when it does not fit.</summary>
    /// <param name="options">The run's options.</param>
    /// <param name="mode">The check asked for.</param>
    /// <param name="console">Where a warning goes.</param>
    /// <param name="limitName">What set the limit: <c>--memory-limit</c>, or the config file's key.</param>
    public static void Check(PipelineOptions options, MemoryCheck mode, IAnsiConsole console, string limitName = "--memory-limit")
    {
        if (mode == MemoryCheck.Off)
        {
            return;
        }

        var estimate = AnalyticsPipeline.EstimateMemory(options);
        if (estimate.Fits)
        {
            return;
        }

        var message = Describe(estimate, warn: mode == MemoryCheck.Warn, limitName);
        if (mode != MemoryCheck.Warn)
        {
            throw new CliException(message, ExitCodes.OutOfMemory);
        }

        console.MarkupLine("[yellow]" + Markup.Escape(message) + "[/]");
    }

    /// <summary>The library's description with the tool's flags as the help.</summary>
    public static string Describe(MemoryEstimate estimate, bool warn, string limitName = "--memory-limit")
    {
        var help = warn
            ? "Running anyway (--memory-check warn): the run may fail with OutOfMemoryException."
            : "What helps: a machine with more memory; --memory-limit SIZE if the process may use more than was detected; "
              + "--memory-check warn (or off) to run anyway; or kpis --engine duckdb for the KPIs alone, which does not hold the rows in memory.";
        return MemoryLimitExceededException.Describe(estimate, limitName, help);
    }

    /// <summary>Parses <c>--memory-limit</c>: 8G, 8GB, 512MiB, 1.5g (units of 1024); <see langword="null"/> when it is not a size.</summary>
    public static long? ParseSize(string text) => SizeText.Parse(text);
}
