using System.ComponentModel;
using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Recommendations;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerAnalytics.Cli.Commands;

/// <summary>Options of <c>related</c>.</summary>
internal sealed class RelatedSettings : DataSettings
{
    [CommandOption("-p|--product <ID>")]
    [Description("The product to find related products for.")]
    public string? Product { get; init; }

    [CommandOption("-n|--count <N>")]
    [Description("How many products.")]
    [DefaultValue(10)]
    public int Count { get; init; } = 10;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Product))
        {
            return ValidationResult.Error("--product is required.");
        }

        return Count is < 1 or > 1000 ? ValidationResult.Error($"--count must be 1 to 1000 (was {Count}).") : base.Validate();
    }
}

/// <summary><c>related</c>: customers who bought the product also bought these (item co-occurrence, Jaccard; popularity
/// when nobody bought it with anything else).</summary>
internal sealed class RelatedCommand : DataCommand<RelatedSettings>
{
    protected override int Execute(CliConsoles consoles, RelatedSettings settings, LoadedData data, CancellationToken cancellationToken)
    {
        var dataset = data.Dataset;
        var product = settings.Product!;
        if (!dataset.TryGetProductIndex(product, out _))
        {
            throw new CliException($"Product '{product}' is not in the data ({Formats.Count(dataset.Products.Count)} products loaded).", ExitCodes.NotFound);
        }

        var items = new ItemCooccurrenceRecommender(settings.Options.Recommender.ItemCooccurrence()).Fit(dataset, cancellationToken).RelatedTo(product, RecommendationRequest.Default with { Count = settings.Count });
        consoles.Out.Write(Tables.Create(
            $"Related to {product} ({RecommendCommand.CategoryOf(dataset, product)}): customers who bought it also bought",
            ["#", "Product", "Category", "Score", "Reason"],
            [true, false, false, true, false],
            items.Select(r => new[] { Formats.Count(r.Rank), r.ProductId, RecommendCommand.CategoryOf(dataset, r.ProductId), Formats.Score(r.Score), r.Reason })));
        return ExitCodes.Success;
    }
}
