using System.ComponentModel;
using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Recommendations.Persistence;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerAnalytics.Cli.Commands;

/// <summary>Options of <c>fit</c>.</summary>
internal sealed class FitSettings : DataSettings
{
    [CommandOption("-s|--strategy <NAME>")]
    [Description("The strategy to fit: [green]segment-affinity[/], [green]popularity[/], [green]item-cooccurrence[/] or [green]als[/]; default from --config, else [green]item-cooccurrence[/] (minimum support 3, see docs/recommender-quality.md).")]
    public string? Strategy { get; init; }

    [CommandOption("--save <FILE>")]
    [Description("Where to write the fitted model (saved-model format, docs/saved-models.md; conventionally [green].cam[/]). Replaced if it exists.")]
    public string? SavePath { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(SavePath))
        {
            return ValidationResult.Error("--save is required: the file to write the fitted model to, such as --save model.cam.");
        }

        return Strategy is null || Strategies.Exists(Strategy)
            ? base.Validate()
            : ValidationResult.Error($"Unknown --strategy '{Strategy}'; one of: {string.Join(", ", Strategies.Names)}.");
    }
}

/// <summary><c>fit</c>: fits one strategy on the data and saves the model, for <c>recommend --model</c> or a service to load without refitting.</summary>
internal sealed class FitCommand : DataCommand<FitSettings>
{
    protected override int Execute(CliConsoles consoles, FitSettings settings, LoadedData data, CancellationToken cancellationToken)
    {
        var dataset = data.Dataset;
        var model = Strategies.Create(Strategies.NameFor(settings.Strategy, settings), settings).Fit(dataset, cancellationToken);
        var path = settings.SavePath!;
        RecommenderModelFile.SaveFile(model, path);
        if (!settings.Quiet)
        {
            consoles.Out.MarkupLine(Markup.Escape(
                $"Saved the {model.StrategyName} model ({dataset.Customers.Count} customers, {dataset.Products.Count} products, {Formats.Count(new FileInfo(path).Length)} bytes) to {path}."));
        }

        return ExitCodes.Success;
    }
}
