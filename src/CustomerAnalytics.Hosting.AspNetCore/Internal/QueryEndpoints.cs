using System.Globalization;
using System.Text.Json;
using CustomerAnalytics.Recommendations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerAnalytics.Hosting.AspNetCore.Internal;

/// <summary>The read endpoints. Every answer is computed from one snapshot, named by its model version.</summary>
/// <param name="settings">The endpoints' validated settings.</param>
/// <param name="defaultStrategy">The strategy a request naming none gets (<c>CustomerAnalytics:Recommender:Strategy</c>).</param>
/// <param name="json">How bodies are written (<see cref="EndpointJson"/>).</param>
internal sealed class QueryEndpoints(CustomerAnalyticsEndpointOptions settings, string defaultStrategy, JsonSerializerOptions json)
{
    public Results<JsonHttpResult<RecommendationsResponse>, ValidationProblem, ProblemHttpResult> Recommend(
        string id, string? count, string? strategy, string? excludePurchased, ModelStore store)
    {
        if (store.Current is not { } snapshot)
        {
            return NotReady();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var n = ParseCount(count, errors);
        var name = strategy ?? defaultStrategy;
        if (!snapshot.Models.TryGetValue(name, out var model))
        {
            errors["strategy"] = [$"Unknown strategy '{name}'; one of: {string.Join(", ", snapshot.Strategies)}."];
        }

        var exclude = true;
        if (excludePurchased is not null && !bool.TryParse(excludePurchased, out exclude))
        {
            errors["excludePurchased"] = [$"excludePurchased must be true or false (was '{excludePurchased}')."];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        if (!snapshot.Dataset.TryGetCustomerIndex(id, out _))
        {
            return NotFound("Customer not found", $"Customer '{id}' is not in the data of model version {snapshot.Version}.");
        }

        var items = model!.Recommend(id, RecommendationRequest.Default with { Count = n, ExcludePurchased = exclude });
        return TypedResults.Json(new RecommendationsResponse(id, name, snapshot.Version, items), json);
    }

    public Results<JsonHttpResult<RelatedProductsResponse>, ValidationProblem, ProblemHttpResult> Related(string id, string? count, ModelStore store)
    {
        if (store.Current is not { } snapshot)
        {
            return NotReady();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var n = ParseCount(count, errors);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        if (!snapshot.Dataset.TryGetProductIndex(id, out var index))
        {
            return NotFound("Product not found", $"Product '{id}' is not in the data of model version {snapshot.Version}.");
        }

        var category = snapshot.Dataset.Categories[snapshot.Dataset.ProductCategories[index]];
        var items = snapshot.Related.RelatedTo(id, RecommendationRequest.Default with { Count = n });
        return TypedResults.Json(new RelatedProductsResponse(id, category, snapshot.Related.StrategyName, snapshot.Version, items), json);
    }

    public Results<JsonHttpResult<KpiSummary>, ProblemHttpResult> Summary(ModelStore store, KpiSummaries summaries) =>
        store.Current is { } snapshot ? TypedResults.Json(summaries.For(snapshot), json) : NotReady();

    /// <summary>503: no snapshot yet.</summary>
    internal static ProblemHttpResult NotReady() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No model loaded", detail: "The model has not been loaded yet; see /health.");

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors, title: "Invalid request parameters");

    private static ProblemHttpResult NotFound(string title, string detail) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    private int ParseCount(string? text, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return settings.DefaultCount;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= settings.MaxCount)
        {
            return count;
        }

        errors["count"] = [$"count must be a whole number from 1 to {settings.MaxCount} (was '{text}')."];
        return 0;
    }
}
