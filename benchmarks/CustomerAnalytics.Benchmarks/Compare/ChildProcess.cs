using System.Diagnostics;
using System.Reflection;

namespace CustomerAnalytics.Benchmarks.Compare;

/// <summary>
/// Runs one measured job in a process of its own and returns the JSON of its <c>##REPORT {json}</c> line
/// (<see cref="CompareChild.Marker"/>): this program's <c>compare-child</c> commands, or another program (pandas).
/// </summary>
internal static class ChildProcess
{
    /// <summary>
    /// This program with <paramref name="arguments"/>; <paramref name="tieredJit"/> off starts it with
    /// <c>DOTNET_TieredCompilation=0</c> (see <see cref="CompareCommand.Execute"/>).
    /// </summary>
    public static string RunThisProgram(string label, IEnumerable<string> arguments, bool tieredJit)
    {
        var start = new ProcessStartInfo { FileName = Environment.ProcessPath ?? "dotnet" };
        if (!tieredJit)
        {
            start.Environment["DOTNET_TieredCompilation"] = "0";
        }

        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        return Run(label, start);
    }

    /// <summary>Runs <paramref name="start"/>; throws with its output when it fails or prints no report.</summary>
    public static string Run(string label, ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {label} run ({start.FileName}).");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(CompareChild.Marker, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The {label} run failed (exit code {process.ExitCode}, {start.FileName} {string.Join(' ', start.ArgumentList)}):\n{output}{errors.GetAwaiter().GetResult()}");
        }

        return line[CompareChild.Marker.Length..].Trim();
    }
}
