using System.Diagnostics;
using System.Globalization;

namespace CustomerAnalytics.Benchmarks.Compare;

internal static class PeakMemory
{
    /// <summary>The peak resident set of this process so far (Linux <c>VmHWM</c>; elsewhere the peak working set).</summary>
    public static long OfThisProcess()
    {
        const string Status = "/proc/self/status";
        if (File.Exists(Status))
        {
            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }
}
