using System.Globalization;
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

    /// <summary>Estimates the run's peak; fails with exit code 4 (<c>fail</c>) or prints a warning (<c>warn</c>) when it does not fit.</summary>
    public static void Check(PipelineOptions options, string mode, IAnsiConsole console)
    {
        if (mode == "off")
        {
            return;
        }

        var estimate = AnalyticsPipeline.EstimateMemory(options);
        if (estimate.Fits)
        {
            return;
        }

        var message = Describe(estimate, warn: mode == "warn");
        if (mode != "warn")
        {
            throw new CliException(message, ExitCodes.OutOfMemory);
        }

        console.MarkupLine("[yellow]" + Markup.Escape(message) + "[/]");
    }

    /// <summary>The library's description with the tool's flags as the help.</summary>
    public static string Describe(MemoryEstimate estimate, bool warn)
    {
        var help = warn
            ? "Running anyway (--memory-check warn): the run may fail with OutOfMemoryException."
            : "What helps: a machine with more memory; --memory-limit SIZE if the process may use more than was detected; "
              + "--memory-check warn (or off) to run anyway; or kpis --engine duckdb for the KPIs alone, which does not hold the rows in memory.";
        return MemoryLimitExceededException.Describe(estimate, "--memory-limit", help);
    }

    /// <summary>
    /// Parses <c>--memory-limit</c>: a number of bytes with an optional unit K, M, G or T (each 1024 times the last;
    /// <c>B</c>, <c>iB</c> and lower case accepted): <c>8G</c>, <c>8GB</c>, <c>512MiB</c>, <c>1.5g</c>.
    /// </summary>
    public static long? ParseSize(string text)
    {
        var trimmed = text.Trim();
        var unit = trimmed.TrimStart("0123456789.".ToCharArray()) is var tail && tail.Length < trimmed.Length ? tail.Trim() : null;
        if (unit is null || !double.TryParse(trimmed[..^unit.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var power = unit.ToUpperInvariant() switch
        {
            "" or "B" => 0,
            "K" or "KB" or "KIB" => 1,
            "M" or "MB" or "MIB" => 2,
            "G" or "GB" or "GIB" => 3,
            "T" or "TB" or "TIB" => 4,
            _ => -1,
        };
        var bytes = number * Math.Pow(1024, power);
        return power < 0 || bytes < 1 || bytes > long.MaxValue / 2 ? null : (long)bytes;
    }
}
