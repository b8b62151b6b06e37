using System.ComponentModel;
using System.Globalization;
using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Recommendations;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerAnalytics.Cli.Commands;

/// <summary>Options of <c>evaluate</c>.</summary>
internal sealed class EvaluateSettings : DataSettings
{
    [CommandOption("--split <KIND>")]
    [Description("How to hold out the truth: [green]last-order[/] (each customer's latest order), [green]time[/] (lines at or after --cutoff) or [green]random[/] (--fraction of each customer's products, --seed).")]
    [DefaultValue("last-order")]
    public string Split { get; init; } = "last-order";

    [CommandOption("--cutoff <DATE>")]
    [Description("For --split time: the first instant of the test period (ISO 8601; a date means midnight UTC).")]
    public string? Cutoff { get; init; }

    [CommandOption("--fraction <F>")]
    [Description("For --split random: the share of each customer's products held out (0 < F < 1).")]
    [DefaultValue(0.2)]
    public double Fraction { get; init; } = 0.2;

    [CommandOption("--seed <N>")]
    [Description("For --split random: the random seed.")]
    [DefaultValue(42)]
    public int Seed { get; init; } = 42;

    [CommandOption("-k|--top-k <K>")]
    [Description("List length the metrics are computed at.")]
    [DefaultValue(10)]
    public int K { get; init; } = 10;

    [CommandOption("--strategies <NAMES>")]
    [Description("Comma-separated strategies to compare (default: all).")]
    public string? StrategyNames { get; init; }

    [CommandOption("--truth <KIND>")]
    [Description("[green]new[/]: only products the customer had not bought in training (what a list that excludes purchases can hit); [green]all[/]: every product bought in the test period.")]
    [DefaultValue("new")]
    public string Truth { get; init; } = "new";

    public IEnumerable<string> Strategies => StrategyNames is null
        ? Infrastructure.Strategies.Names
        : StrategyNames.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public override ValidationResult Validate()
    {
        if (Split is not ("last-order" or "time" or "random"))
        {
            return ValidationResult.Error($"--split must be last-order, time or random (was '{Split}').");
        }

        if (Split == "time" && !DateTimeOffset.TryParse(Cutoff, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return ValidationResult.Error($"--split time needs --cutoff with an ISO 8601 date or time (was '{Cutoff}').");
        }

        if (Split == "random" && !(Fraction > 0 && Fraction < 1))
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
            _ => DatasetSplitter.LeaveLastOrderOut(data.Dataset),
        };
        var truth = settings.Truth == "all" ? split.Truth : split.NewProductTruth;
        var request = RecommendationRequest.Default with { Count = settings.K };
        var metricsOptions = RankingMetricsOptions.Default with { K = settings.K };
        var rows = new List<string[]>();
        foreach (var name in settings.Strategies)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lists = Strategies.Create(name).Fit(split.Train).RecommendAll(request);
            var m = RankingEvaluator.EvaluateLists(truth, lists, metricsOptions);
            rows.Add([name, Formats.Count(m.Customers), Metric(m.Precision), Metric(m.Recall), Metric(m.Ndcg), Metric(m.MapAtK), Metric(m.HitRate), Metric(m.Mrr)]);
        }

        var k = settings.K.ToString(CultureInfo.InvariantCulture);
        consoles.Out.Write(Tables.Create(
            $"{split.Description}; truth: {(settings.Truth == "all" ? "all test purchases" : "products new to the customer")} ({Formats.Count(truth.Length)} pairs)",
            ["Strategy", "Customers", $"P@{k}", $"R@{k}", $"NDCG@{k}", $"MAP@{k}", $"HR@{k}", $"MRR@{k}"],
            [false, true, true, true, true, true, true, true],
            rows));
        return ExitCodes.Success;
    }

    private static string Metric(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
