using System.Diagnostics;
using System.Globalization;
using CustomerAnalytics.Pipeline;
using Spectre.Console.Rendering;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>The "Stages" table of <c>run</c>'s summary: each stage's time from the pipeline's <see cref="RunTimings"/>,
/// the artifacts' write time, the whole command's time and the process's peak memory.</summary>
internal static class RunStageTable
{
    /// <summary>The stage labels in the order the table shows them (the order the stages run).</summary>
    public static readonly IReadOnlyList<string> Labels =
    [
        "load", "enrich", "KPIs and lists", "lifetime fits", "recommend", "write artifacts", "whole run", "peak memory",
    ];

    public static IRenderable Create(RunTimings timings, TimeSpan writing, TimeSpan whole)
    {
        string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
        var values = new[]
        {
            Seconds(timings.Load), Seconds(timings.Enrich), Seconds(timings.KpisAndLists), Seconds(timings.LifetimeFits),
            Seconds(timings.Recommend), Seconds(writing), Seconds(whole), PeakMemory(),
        };
        return Tables.Create("Stages", ["Stage", "Time"], [false, true], [.. Labels.Select((label, i) => new[] { label, values[i] })]);
    }

    /// <summary>The process's peak resident memory (the kernel's high-water mark), as MB.</summary>
    private static string PeakMemory()
    {
        using var process = Process.GetCurrentProcess();
        return (process.PeakWorkingSet64 / (1024.0 * 1024.0)).ToString("#,0", CultureInfo.InvariantCulture) + " MB";
    }
}
