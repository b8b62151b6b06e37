using System.ComponentModel;
using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Kpis;
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

/// <summary><c>related</c>: products related to a product — the best sellers of its category.</summary>
internal sealed class RelatedCommand : DataCommand<RelatedSettings>
{
    protected override int Execute(CliConsoles consoles, RelatedSettings settings, LoadedData data, CancellationToken cancellationToken)
    {
        var dataset = data.Dataset;
        var product = settings.Product!;
        if (!dataset.TryGetProductIndex(product, out var index))
        {
            throw new CliException($"Product '{product}' is not in the data ({Formats.Count(dataset.Products.Count)} products loaded).", ExitCodes.NotFound);
        }

        var category = dataset.Categories[dataset.ProductCategories[index]];
        var related = KpiCalculator.Products(dataset)
            .Where(p => p.Category == category && p.ProductId != product)
            .Take(settings.Count)
            .Select((p, i) => new[] { Formats.Count(i + 1), p.ProductId, Formats.Money(p.Revenue), $"best seller in the same category, {category}" });
        consoles.Out.Write(Tables.Create($"Related to {product} ({category}): same-category best sellers", ["#", "Product", "Revenue", "Reason"], [true, false, true, false], related));
        return ExitCodes.Success;
    }
}
