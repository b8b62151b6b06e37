using System.ComponentModel;
using System.Globalization;
using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerAnalytics.Cli.Commands;

/// <summary>Options of <c>evaluate</c>.</summary>
internal sealed class EvaluateSettings : DataSettings
{
    [CommandOption("--split <KIND>")]
    [Description("How to hold out the truth: [green]last-order[/] (each customer's latest order), [green]time[/] (lines at or after --cutoff), [green]random[/] (--fraction of each customer's products, --seed), [green]stratified[/] (as Microsoft Recommenders' python_stratified_split: each customer's products in a random order, the first ⌊(1 − F)·n⌋ train, --fraction F, --seed) or [green]chronological[/] (the last --fraction of each customer's history).")]
    [DefaultValue("last-order")]
    public string Split { get; init; } = "last-order";

    [CommandOption("--cutoff <DATE>")]
    [Description("For --split time: the first instant of the test period (ISO 8601; a date means midnight UTC).")]
    public string? Cutoff { get; init; }

    [CommandOption("--fraction <F>")]
    [Description("For --split random, stratified and chronological: the share of each customer's products held out (0 < F < 1).")]
    [DefaultValue(0.2)]
    public double Fraction { get; init; } = 0.2;

    [CommandOption("--seed <N>")]
    [Description("For --split random and stratified: the random seed.")]
    [DefaultValue(42)]
    public int Seed { get; init; } = 42;

    [CommandOption("-k|--top-k <K>")]
    [Description("List length the metrics are computed at.")]
    [DefaultValue(10)]
    public int K { get; init; } = 10;

    [CommandOption("--strategies <NAMES>")]
    [Description("Comma-separated strategies to compare (default: all but ease, which has a catalogue limit).")]
    public string? StrategyNames { get; init; }

    [CommandOption("--truth <KIND>")]
    [Description("[green]new[/]: only products the customer had not bought in training (what a list that excludes purchases can hit); [green]all[/]: every product bought in the test period.")]
    [DefaultValue("new")]
    public string Truth { get; init; } = "new";

    [CommandOption("--include-purchased")]
    [Description("Let the strategies recommend what a customer bought in training (replenishment).")]
    public bool IncludePurchased { get; init; }

    [CommandOption("--save <FILE>")]
    [Description("Also write the comparison to FILE: Markdown (.md), CSV (.csv) or JSON (.json).")]
    public string? SavePath { get; init; }

    public IEnumerable<string> Strategies => StrategyNames is null
        ? Infrastructure.Strategies.DefaultComparison
        : StrategyNames.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public override ValidationResult Validate()
    {
        if (Split is not ("last-order" or "time" or "random" or "stratified" or "chronological"))
        {
            return ValidationResult.Error($"--split must be last-order, time, random, stratified or chronological (was '{Split}').");
        }

        if (Split == "time" && !DateTimeOffset.TryParse(Cutoff, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return ValidationResult.Error($"--split time needs --cutoff with an ISO 8601 date or time (was '{Cutoff}').");
        }

        if (Split is "random" or "stratified" or "chronological" && !(Fraction > 0 && Fraction < 1))
        {
            return ValidationResult.Error($"--fraction must be between 0 and 1 (was {Fraction.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (K is < 1 or > 1000)
        {
            return ValidationResult.Error($"--top-k must be 1 to 1000 (was {K}).");
        }

        if (Truth is not ("new" or "all"))
        {
            return ValidationResult.Error($"--truth must be new or all (was '{Truth}').");
        }

        if (SavePath is not null && Path.GetExtension(SavePath).ToUpperInvariant() is not (".MD" or ".CSV" or ".JSON"))
        {
            return ValidationResult.Error($"--save must name a .md, .csv or .json file (was '{SavePath}').");
        }

        var unknown = Strategies.Where(s => !Infrastructure.Strategies.Exists(s)).ToList();
        return unknown.Count > 0
            ? ValidationResult.Error($"Unknown strategy '{unknown[0]}' in --strategies; one of: {string.Join(", ", Infrastructure.Strategies.Names)}.")
            : base.Validate();
    }
}

/// <summary><c>evaluate</c>: the strategies side by side on a held-out truth (ranking metrics as in Microsoft Recommenders).</summary>
internal sealed class EvaluateCommand : DataCommand<EvaluateSettings>
{
    protected override int Execute(CliConsoles consoles, EvaluateSettings settings, LoadedData data, CancellationToken cancellationToken)
    {
        var split = settings.Split switch
        {
            "time" => DatasetSplitter.ByTime(data.Dataset, DateTimeOffset.Parse(settings.Cutoff!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)),
            "random" => DatasetSplitter.RandomPerCustomer(data.Dataset, settings.Fraction, settings.Seed),
            "stratified" => DatasetSplitter.StratifiedPerCustomer(data.Dataset, settings.Fraction, settings.Seed),
            "chronological" => DatasetSplitter.ChronologicalPerCustomer(data.Dataset, settings.Fraction),
            _ => DatasetSplitter.LeaveLastOrderOut(data.Dataset),
        };
        var options = ComparisonOptions.Default with
        {
            K = settings.K,
            ExcludePurchased = !settings.IncludePurchased,
            Truth = settings.Truth == "all" ? TruthSet.All : TruthSet.NewProducts,
        };
        var table = RecommenderComparison.Run(split, settings.Strategies.Select(s => Strategies.Create(s, settings)), options, cancellationToken: cancellationToken);
        var k = settings.K.ToString(CultureInfo.InvariantCulture);
        consoles.Out.WriteLine($"Split: {table.Split}.");
        consoles.Out.Write(Tables.Create(
            $"Truth: {(settings.Truth == "all" ? "all test purchases" : "products new to the customer")} ({Formats.Count(table.TruthPairs)} pairs)",
            ["Strategy", "Customers", $"P@{k}", $"R@{k}", $"NDCG@{k}", $"MAP@{k}", $"HR@{k}", $"MRR@{k}", "Fit (s)", "Recommend all (s)"],
            [false, true, true, true, true, true, true, true, true, true],
            table.Results.Select(r => new[]
            {
                r.Strategy, Formats.Count(r.Ranking.Customers), Metric(r.Ranking.Precision), Metric(r.Ranking.Recall), Metric(r.Ranking.Ndcg),
                Metric(r.Ranking.MapAtK), Metric(r.Ranking.HitRate), Metric(r.Ranking.Mrr), Seconds(r.FitTime), Seconds(r.RecommendAllTime),
            })));
        if (settings.SavePath is { } path)
        {
            Save(table, path);
            if (!settings.Quiet)
            {
                consoles.Out.MarkupLine($"Comparison written to [green]{Markup.Escape(path)}[/].");
            }
        }

        return ExitCodes.Success;
    }

    private static string Metric(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static void Save(ComparisonTable table, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var stream = File.Create(path);
        switch (Path.GetExtension(path).ToUpperInvariant())
        {
            case ".CSV":
                table.WriteCsv(stream);
                break;
            case ".JSON":
                table.WriteJson(stream);
                break;
            default:
                using (var writer = new StreamWriter(stream))
                {
                    table.WriteMarkdown(writer);
                }

                break;
        }
    }
}
