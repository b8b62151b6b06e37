using System.Diagnostics;
using System.Text.Json;

namespace CustomerAnalytics.Benchmarks.Compare.Full;

/// <summary>
/// The pandas job (<c>pandas_job.py</c>, beside this program) run by Debian's Python, <c>/usr/bin/python3</c> with
/// <c>python3-pandas</c>; the script times its own stages and reports its peak resident set.
/// </summary>
internal static class PandasFullJob
{
    public const string Python = "/usr/bin/python3";

    public static string Script => Path.Combine(AppContext.BaseDirectory, "pandas_job.py");

    /// <summary><see langword="null"/> when pandas can run; otherwise why not and what would help.</summary>
    public static string? Unavailable()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} does not exist; install Debian's python3-pandas (apt-get install -y python3-pandas, or bash eng/install-pandas.sh).";
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", "import pandas" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null
            : $"{Python} cannot import pandas; install Debian's python3-pandas (apt-get install -y python3-pandas, or bash eng/install-pandas.sh).";
    }

    /// <summary>Runs the script on <paramref name="files"/>' folder, writing into <paramref name="output"/>.</summary>
    public static FullJobReport Run(DataFiles files, string output)
    {
        var start = new ProcessStartInfo(Python);
        foreach (var arg in new[] { Script, Path.GetDirectoryName(files.Transactions)!, output })
        {
            start.ArgumentList.Add(arg);
        }

        return JsonSerializer.Deserialize<FullJobReport>(ChildProcess.Run("pandas", start))
            ?? throw new InvalidOperationException("The pandas run printed an empty report.");
    }
}
