using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Recommendations.Persistence;

namespace CustomerAnalytics.Cli.Commands;

/// <summary><c>recommend --model FILE</c>: answers from a saved model (<c>fit --save</c>) without reading or fitting any data.</summary>
internal static class ModelRecommendation
{
    /// <summary>The reason <c>--model</c> cannot be combined with the other options given, or <see langword="null"/>.</summary>
    public static string? Conflict(RecommendSettings settings)
    {
        var data = settings.DataDirectory ?? settings.CustomersPath ?? settings.ProductsPath ?? settings.TransactionsPath ?? settings.OrderLinesPath;
        if (data is not null)
        {
            return "Give either --model (a saved model) or the data to fit on (--data, --customers, --products, --transactions, --order-lines), not both.";
        }

        return settings.Strategy is not null
            ? $"--strategy does not apply with --model: the saved model's strategy answers. Leave out --strategy {settings.Strategy}, or fit that strategy with 'fit --strategy {settings.Strategy} --save FILE'."
            : null;
    }

    public static int Execute(CliConsoles consoles, RecommendSettings settings)
    {
        var path = settings.ModelPath!;
        if (!File.Exists(path))
        {
            throw new CliException($"--model: the file '{path}' does not exist. Write one with 'customer-analytics fit --data DIR --save {path}'.", ExitCodes.NotFound);
        }

        IRecommenderModel model;
        try
        {
            model = RecommenderModelFile.LoadFile(path);
        }
        catch (InvalidDataException e)
        {
            throw new CliException("--model: " + e.Message, ExitCodes.DataError);
        }

        var customer = settings.Customer!;
        var items = model.Recommend(customer, RecommendationRequest.Default with { Count = settings.Count, ExcludePurchased = !settings.IncludePurchased });
        consoles.Out.Write(Tables.Create(
            $"Recommendations for {customer}, {model.StrategyName} (saved model {Path.GetFileName(path)})",
            ["#", "Product", "Score", "Reason"],
            [true, false, true, false],
            items.Select(r => new[] { Formats.Count(r.Rank), r.ProductId, Formats.Score(r.Score), r.Reason })));
        return ExitCodes.Success;
    }
}
