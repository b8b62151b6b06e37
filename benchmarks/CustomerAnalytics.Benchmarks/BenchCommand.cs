using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using CustomerAnalytics.Benchmarks.Suites;

namespace CustomerAnalytics.Benchmarks;

/// <summary>
/// <c>bench [--dry] [--size 1M] [BenchmarkDotNet options]</c>: the BenchmarkDotNet suites. <c>--dry</c> runs every
/// benchmark once in this process (<c>--job dry --inProcess</c>) on 2,000 transactions: a check that they run, in
/// seconds, not a measurement. Without <c>--filter</c> every suite runs. Real runs build the project out of process:
/// start them from the project's folder (<c>dotnet run -c Release -- bench …</c>) so BenchmarkDotNet finds it.
/// </summary>
internal static class BenchCommand
{
    public const int DrySize = 2_000;

    public static int Run(string[] args)
    {
        var rest = new List<string>();
        var dry = false;
        string? size = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--dry")
            {
                dry = true;
            }
            else if (args[i] == "--size" && i + 1 < args.Length)
            {
                size = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (dry)
        {
            rest.AddRange(["--job", "dry", "--inProcess"]);
            size ??= DrySize.ToString(CultureInfo.InvariantCulture);
        }
        else if (rest.Contains("--job") && rest[rest.IndexOf("--job") + 1] == "dry")
        {
            size ??= DrySize.ToString(CultureInfo.InvariantCulture);
        }

        if (size is not null)
        {
            // Inherited by the processes BenchmarkDotNet starts.
            Environment.SetEnvironmentVariable(BenchData.SizeVariable, Arguments.ParseCount("size", size).ToString(CultureInfo.InvariantCulture));
        }

        if (!rest.Contains("--filter"))
        {
            rest.AddRange(["--filter", "*"]);
        }

        // Generate the data once here, not in each benchmark process.
        BenchData.Directory();
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchCommand).Assembly).Run([.. rest], DefaultConfig.Instance);
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success));
        return failed || !summaries.Any() ? 1 : 0;
    }
}
