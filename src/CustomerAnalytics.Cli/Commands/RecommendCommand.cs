using System.ComponentModel;
using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Recommendations;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerAnalytics.Cli.Commands;

/// <summary>Options of <c>recommend</c>.</summary>
internal sealed class RecommendSettings : DataSettings
{
    [CommandOption("-c|--customer <ID>")]
    [Description("The customer to recommend for.")]
    public string? Customer { get; init; }

    [CommandOption("-n|--count <N>")]
    [Description("How many products.")]
    [DefaultValue(10)]
    public int Count { get; init; } = 10;

    [CommandOption("-s|--strategy <NAME>")]
    [Description("The strategy: [green]segment-affinity[/], [green]popularity[/], [green]item-cooccurrence[/] or [green]als[/] (implicit-feedback matrix factorisation); default from --config, else [green]item-cooccurrence[/] (minimum support 3, see docs/recommender-quality.md).")]
    public string? Strategy { get; init; }

    [CommandOption("--model <FILE>")]
    [Description("Answer from a model saved by [green]fit --save[/] instead of fitting on data (no data options then). A customer the model has not seen gets its fallback.")]
    public string? ModelPath { get; init; }

    [CommandOption("--engine <ENGINE>")]
    [Description("Fit in a database instead of loading files: duckdb or postgres (tables customers, products, transactions); for [green]popularity[/] and [green]segment-affinity[/], fitted from the statistics the engine computes.")]
    public string? Engine { get; init; }

    [CommandOption("--connection <STRING>")]
    [Description("The --engine's connection string (DuckDB: \"Data Source=shop.duckdb\"; PostgreSQL: an Npgsql connection string).")]
    public string? Connection { get; init; }

    [CommandOption("--include-purchased")]
    [Description("Also recommend products the customer already bought.")]
    public bool IncludePurchased { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Customer))
        {
            return ValidationResult.Error("--customer is required.");
        }

        if (Count is < 1 or > 1000)
        {
            return ValidationResult.Error($"--count must be 1 to 1000 (was {Count}).");
        }

        if (Engine is not null || Connection is not null)
        {
            return EngineRecommendation.Conflict(this) is { } engineConflict ? ValidationResult.Error(engineConflict) : EngineKpis.Validate(this, Engine, Connection);
        }

        if (ModelPath is not null)
        {
            return ModelRecommendation.Conflict(this) is { } conflict ? ValidationResult.Error(conflict) : ValidationResult.Success();
        }

        return Strategy is null || Strategies.Exists(Strategy)
            ? base.Validate()
            : ValidationResult.Error($"Unknown --strategy '{Strategy}'; one of: {string.Join(", ", Strategies.Names)}.");
    }
}

/// <summary><c>recommend</c>: the products a strategy recommends for one customer, with scores and reasons.</summary>
internal sealed class RecommendCommand : DataCommand<RecommendSettings>
{
    public override int Execute(CommandContext context, RecommendSettings settings, CancellationToken cancellationToken) =>
        settings.Engine is not null ? EngineRecommendation.Execute((CliConsoles)context.Data!, settings, cancellationToken)
        : settings.ModelPath is null ? base.Execute(context, settings, cancellationToken)
        : ModelRecommendation.Execute((CliConsoles)context.Data!, settings);

    protected override int Execute(CliConsoles consoles, RecommendSettings settings, LoadedData data, CancellationToken cancellationToken)
    {
        var dataset = data.Dataset;
        var customer = settings.Customer!;
        if (!dataset.TryGetCustomerIndex(customer, out var index))
        {
            throw new CliException($"Customer '{customer}' is not in the data ({Formats.Count(dataset.Customers.Count)} customers loaded).", ExitCodes.NotFound);
        }

        var strategy = Strategies.NameFor(settings.Strategy, settings);
        var model = Strategies.Create(strategy, settings).Fit(dataset, cancellationToken);
        var items = model.Recommend(customer, RecommendationRequest.Default with { Count = settings.Count, ExcludePurchased = !settings.IncludePurchased });
        Write(consoles, $"Recommendations for {customer} ({dataset.Segments[dataset.CustomerSegments[index]]}), {strategy}", items, id => CategoryOf(dataset, id));
        return ExitCodes.Success;
    }

    /// <summary>The recommendations table: rank, product, category, score, reason.</summary>
    internal static void Write(CliConsoles consoles, string title, IEnumerable<Recommendation> items, Func<string, string> categoryOf) =>
        consoles.Out.Write(Tables.Create(
            title,
            ["#", "Product", "Category", "Score", "Reason"],
            [true, false, false, true, false],
            items.Select(r => new[] { Formats.Count(r.Rank), r.ProductId, categoryOf(r.ProductId), Formats.Score(r.Score), r.Reason })));

    internal static string CategoryOf(Enrichment.EnrichedDataset dataset, string productId) =>
        dataset.TryGetProductIndex(productId, out var p) ? dataset.Categories[dataset.ProductCategories[p]] : string.Empty;
}
