using System.Globalization;
using System.Text.Json;

namespace CustomerAnalytics.Benchmarks.Compare;

/// <summary>
/// <c>compare --data DIR [--runs 5] [--approaches library,duckdb,linq] [--no-recommend] [--ids sequential|realistic|both]</c>:
/// runs the end-to-end job
/// with each approach, alternating them (the first approach of each round rotates), every run in a child process of
/// its own; checks that every run agrees to the cent; prints medians, peak working sets and ratios to DuckDB. With
/// <c>--ids</c>, <c>DIR</c> is a <c>generate --ids both</c> folder: the job runs on <c>DIR/sequential</c> and/or
/// <c>DIR/realistic</c>, one table each, and with both the two styles must give the same figures.
/// </summary>
internal static class CompareCommand
{
    public static int Run(Arguments args)
    {
        switch (args.String("job", "kpis"))
        {
            case "full":
                return Full.FullJobCommand.Run(args);
            case "kpis":
                break;
            case var job:
                throw new ArgumentException($"--job: '{job}' is not a job (expected kpis, the default, or full).");
        }

        var data = Path.GetFullPath(args.String("data") ?? throw new ArgumentException("--data DIR is required (see generate)."));
        var runs = args.Int("runs", 5);
        var approaches = args.String("approaches", string.Join(',', Approaches.Names)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var recommend = !args.Flag("no-recommend");
        var tiered = args.Flag("tiered-jit");
        var styles = args.String("ids") is { } ids ? GenerateCommand.ParseIdStyles(ids) : null;
        args.ThrowIfUnused();
        foreach (var name in approaches)
        {
            Approaches.Create(name);
        }

        if (styles is null)
        {
            DataFiles.InDirectory(data);
            var reports = Execute(data, runs, approaches, recommend, Console.Out, tiered);
            return Summarise(reports, approaches, Console.Out) ? 0 : 1;
        }

        var directories = styles.Select(style => GenerateCommand.StyleDirectory(data, style)).ToList();
        foreach (var directory in directories)
        {
            DataFiles.InDirectory(directory);
        }

        var agree = true;
        var firsts = new List<JobFigures>();
        for (var i = 0; i < styles.Count; i++)
        {
            Console.WriteLine($"## {styles[i].ToString().ToLowerInvariant()} ids ({directories[i]})");
            var reports = Execute(directories[i], runs, approaches, recommend, Console.Out, tiered);
            agree &= Summarise(reports, approaches, Console.Out);
            firsts.Add(reports[0].Figures);
            Console.WriteLine();
        }

        return agree && SameAcrossStyles(firsts, Console.Out) ? 0 : 1;
    }

    /// <summary>Whether every id style gave the first one's figures; prints the verdict.</summary>
    public static bool SameAcrossStyles(IReadOnlyList<JobFigures> figures, TextWriter output)
    {
        var diffs = figures.Skip(1).SelectMany(f => IdStyleCheck.Differences(figures[0], f)).ToList();
        foreach (var diff in diffs.Take(20))
        {
            output.WriteLine("ID STYLES DISAGREE: " + diff);
        }

        if (diffs.Count == 0 && figures.Count > 1)
        {
            output.WriteLine("Every id style gives the same figures.");
        }

        return diffs.Count == 0;
    }

    /// <summary>
    /// Runs the approaches alternately. <c>tieredJit</c>: whether the children keep .NET's default tiered JIT; by
    /// default they run with <c>DOTNET_TieredCompilation=0</c> (every method compiled optimised at once), the usual
    /// setting of a one-shot batch job, which otherwise spends much of its first second in unoptimised code. It
    /// applies to every approach alike.
    /// </summary>
    public static List<ChildReport> Execute(string data, int runs, string[] approaches, bool recommend, TextWriter log, bool tieredJit = false)
    {
        var reports = new List<ChildReport>();
        for (var run = 0; run < runs; run++)
        {
            for (var k = 0; k < approaches.Length; k++)
            {
                var name = approaches[(run + k) % approaches.Length];
                var report = RunChild(name, data, recommend && name == "library", tieredJit);
                reports.Add(report);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}/{runs}  {name,-8} {report.JobSeconds,8:F3} s  peak {report.PeakWorkingSetBytes / 1e6,8:F0} MB  ({string.Join(", ", report.Phases.Select(p => $"{p.Key} {p.Value:G4}"))})"));
            }
        }

        return reports;
    }

    /// <summary>Prints the summary; returns whether every run agreed with the first.</summary>
    public static bool Summarise(List<ChildReport> reports, string[] approaches, TextWriter output)
    {
        var reference = reports[0];
        var agree = true;
        foreach (var report in reports.Skip(1))
        {
            var diffs = reference.Figures.Differences(report.Figures);
            if (diffs.Count > 0)
            {
                agree = false;
                output.WriteLine($"DISAGREEMENT between {reference.Approach} and {report.Approach}:");
                foreach (var diff in diffs.Take(20))
                {
                    output.WriteLine("  " + diff);
                }
            }
        }

        var f = reference.Figures;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Figures: {f.Transactions:N0} transactions, {f.Orders:N0} orders, {f.Customers:N0} customers who bought, {f.Units:N0} units, revenue {f.Revenue:N2}, average order value {f.AverageOrderValue:N2}"));
        output.WriteLine(agree ? $"All {reports.Count} runs agree to the cent (overall, {f.BySegment.Count} segments, {f.ByCategory.Count} categories, top {f.TopProducts.Count} products)." : "The approaches DISAGREE.");
        output.WriteLine();

        var duck = reports.Where(r => r.Approach == "duckdb").ToList();
        var duckTime = duck.Count > 0 ? Median(duck.Select(r => r.JobSeconds)) : double.NaN;
        var duckPeak = duck.Count > 0 ? Median(duck.Select(r => (double)r.PeakWorkingSetBytes)) : double.NaN;
        output.WriteLine("| approach | runs | median wall time | min–max | load | enrich | KPIs | median peak working set | time ÷ DuckDB | peak ÷ DuckDB |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var name in approaches)
        {
            var mine = reports.Where(r => r.Approach == name).ToList();
            var time = Median(mine.Select(r => r.JobSeconds));
            var peak = Median(mine.Select(r => (double)r.PeakWorkingSetBytes));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {mine.Count} | {time:F3} s | {mine.Min(r => r.JobSeconds):F2}–{mine.Max(r => r.JobSeconds):F2} s | {PhaseMedian(mine, "load")} | {PhaseMedian(mine, "enrich")} | {PhaseMedian(mine, "kpis")} | {peak / 1e6:F0} MB | {time / duckTime:F2}× | {peak / duckPeak:F2}× |"));
        }

        var library = reports.Where(r => r.Approach == "library").ToList();
        var extras = library.SelectMany(r => r.Phases.Keys).Distinct().Where(k => k is not ("load" or "enrich" or "kpis")).Order(StringComparer.Ordinal).ToList();
        if (extras.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("| library measurement (median) | value |");
            output.WriteLine("|---|---:|");
            foreach (var key in extras)
            {
                var value = Median(library.Where(r => r.Phases.ContainsKey(key)).Select(r => r.Phases[key]));
                var text = key.EndsWith("_us", StringComparison.Ordinal) ? $"{value:F1} µs"
                    : key.EndsWith("_collections", StringComparison.Ordinal) ? $"{value:F0}"
                    : key.Contains("bytes", StringComparison.Ordinal) ? $"{value:F1} B"
                    : $"{value:F3} s";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {key} | {text} |"));
            }
        }

        return agree;
    }

    private static string PhaseMedian(List<ChildReport> reports, string phase)
    {
        var values = reports.Where(r => r.Phases.ContainsKey(phase)).Select(r => r.Phases[phase]).ToList();
        return values.Count == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{Median(values):F2} s");
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static ChildReport RunChild(string approach, string data, bool recommend, bool tieredJit)
    {
        string[] arguments = [CompareChild.Command, "--approach", approach, "--data", data, .. recommend ? ["--recommend"] : Array.Empty<string>()];
        return JsonSerializer.Deserialize<ChildReport>(ChildProcess.RunThisProgram(approach, arguments, tieredJit))
            ?? throw new InvalidOperationException("Empty report.");
    }
}
