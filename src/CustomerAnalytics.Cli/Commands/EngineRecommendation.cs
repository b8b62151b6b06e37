using System.Data.Common;
using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Sql;

namespace CustomerAnalytics.Cli.Commands;

/// <summary>
/// <c>recommend --engine duckdb|postgres --connection …</c>: popularity or segment affinity fitted from the statistics
/// the database computes (<see cref="SqlKpis.ModelStatistics"/>), printed as the in-memory <c>recommend</c> prints them.
/// </summary>
internal static class EngineRecommendation
{
    /// <summary>The strategies that fit from engine statistics.</summary>
    private static readonly string[] Fittable = ["popularity", "segment-affinity"];

    /// <summary>The reason <c>--engine</c> cannot be combined with the other options given, or <see langword="null"/>.</summary>
    public static string? Conflict(RecommendSettings settings)
    {
        if (settings.ModelPath is not null)
        {
            return "Give either --engine (fit in a database) or --model (a saved model), not both.";
        }

        return settings.Strategy is { } strategy && Fittable.Contains(strategy, StringComparer.Ordinal)
            ? null
            : $"--engine fits {string.Join(" or ", Fittable)} only (from the statistics the database computes); name one with --strategy{(settings.Strategy is null ? string.Empty : $" (was '{settings.Strategy}', which needs the rows: load files instead)")}.";
    }

    public static int Execute(CliConsoles consoles, RecommendSettings settings, CancellationToken cancellationToken) =>
        EngineKpis.Run(settings.Engine!, settings.Connection!, (connection, dialect) => RecommendAsync(consoles, settings, connection, dialect, cancellationToken));

    private static async Task<int> RecommendAsync(CliConsoles consoles, RecommendSettings settings, DbConnection connection, SqlDialect dialect, CancellationToken cancellationToken)
    {
        var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, dialect, cancellationToken).ConfigureAwait(false);
        var statistics = await kpis.ModelStatistics().ExecuteAsync(connection, cancellationToken).ConfigureAwait(false);
        var customer = settings.Customer!;
        var known = statistics.Customers.FirstOrDefault(c => c.Id == customer)
            ?? throw new CliException($"Customer '{customer}' is not in the data ({Formats.Count(statistics.Customers.Count)} customers loaded).", ExitCodes.NotFound);
        var strategy = settings.Strategy!;
        var model = strategy == "popularity" ? new PopularityRecommender().Fit(statistics) : new SegmentAffinityRecommender().Fit(statistics);
        var items = model.Recommend(customer, RecommendationRequest.Default with { Count = settings.Count, ExcludePurchased = !settings.IncludePurchased });
        var categories = statistics.Products.ToDictionary(p => p.Id, p => p.Category, StringComparer.Ordinal);
        RecommendCommand.Write(consoles, $"Recommendations for {customer} ({known.Segment}), {strategy}", items, id => categories.GetValueOrDefault(id, string.Empty));
        return ExitCodes.Success;
    }
}
