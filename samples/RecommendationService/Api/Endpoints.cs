using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using CustomerAnalytics.Hosting;
using CustomerAnalytics.Recommendations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace RecommendationService.Api;

/// <summary>The service's HTTP endpoints. Every answer is computed from one snapshot, named by its model version.</summary>
public static class Endpoints
{
    /// <summary>Maps <c>GET /customers/{id}/recommendations</c>, <c>GET /products/{id}/related</c>,
    /// <c>GET /kpis/summary</c>, <c>GET /health</c> and (when enabled) <c>POST /admin/reload</c>, which requires the
    /// <see cref="RecommendationServiceOptions.AdminPolicy"/> authorization policy the host registers.</summary>
    /// <param name="app">The application.</param>
    /// <returns><paramref name="app"/>.</returns>
    public static IEndpointRouteBuilder MapCustomerAnalytics(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = ValidatedSettings(app.ServiceProvider);
        app.MapGet("/customers/{id}/recommendations", Recommend).WithName("Recommend");
        app.MapGet("/products/{id}/related", Related).WithName("RelatedProducts");
        app.MapGet("/kpis/summary", Summary).WithName("KpiSummary");
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        if (options.EnableAdminReload)
        {
            app.MapPost("/admin/reload", ReloadAsync).WithName("Reload").RequireAuthorization(RecommendationServiceOptions.AdminPolicy);
        }

        return app;
    }

    internal static Results<Ok<RecommendationsResponse>, ValidationProblem, ProblemHttpResult> Recommend(
        string id, string? count, string? strategy, string? excludePurchased, ModelStore store, IOptions<RecommendationServiceOptions> settings, IOptions<CustomerAnalyticsOptions> analytics)
    {
        if (store.Current is not { } snapshot)
        {
            return NotReady();
        }

        var options = settings.Value;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var n = ParseCount(count, options, errors);
        var name = strategy ?? analytics.Value.Recommender.Strategy;
        if (!snapshot.Models.TryGetValue(name, out var model))
        {
            errors["strategy"] = [$"Unknown strategy '{name}'; one of: {string.Join(", ", snapshot.Models.Keys.Order(StringComparer.Ordinal))}."];
        }

        var exclude = true;
        if (excludePurchased is not null && !bool.TryParse(excludePurchased, out exclude))
        {
            errors["excludePurchased"] = [$"excludePurchased must be true or false (was '{excludePurchased}')."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid request parameters");
        }

        if (!snapshot.Dataset.TryGetCustomerIndex(id, out _))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Customer not found",
                detail: $"Customer '{id}' is not in the data of model version {snapshot.Version}.");
        }

        var items = model!.Recommend(id, RecommendationRequest.Default with { Count = n, ExcludePurchased = exclude });
        return TypedResults.Ok(new RecommendationsResponse(id, name, snapshot.Version, items));
    }

    internal static Results<Ok<RelatedProductsResponse>, ValidationProblem, ProblemHttpResult> Related(
        string id, string? count, ModelStore store, IOptions<RecommendationServiceOptions> settings)
    {
        if (store.Current is not { } snapshot)
        {
            return NotReady();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var n = ParseCount(count, settings.Value, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid request parameters");
        }

        if (!snapshot.Dataset.TryGetProductIndex(id, out var index))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Product not found",
                detail: $"Product '{id}' is not in the data of model version {snapshot.Version}.");
        }

        var category = snapshot.Dataset.Categories[snapshot.Dataset.ProductCategories[index]];
        var items = snapshot.Related.RelatedTo(id, RecommendationRequest.Default with { Count = n });
        return TypedResults.Ok(new RelatedProductsResponse(id, category, snapshot.Related.StrategyName, snapshot.Version, items));
    }

    internal static Results<Ok<KpiSummary>, ProblemHttpResult> Summary(ModelStore store, KpiSummaries summaries) =>
        store.Current is { } snapshot ? TypedResults.Ok(summaries.For(snapshot)) : NotReady();

    internal static async Task<Results<Ok<ReloadResponse>, ProblemHttpResult>> ReloadAsync(HttpRequest request, ModelStore store, CancellationToken cancellationToken)
    {
        if (await ReloadBody.ProblemAsync(request, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid reload request", detail: problem);
        }

        try
        {
            var snapshot = await store.ReloadAsync(cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new ReloadResponse(snapshot.Version, snapshot.FittedAt, snapshot.Dataset.TransactionCount, snapshot.Dataset.Customers.Count, snapshot.Dataset.Products.Count));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                title: "Reload failed",
                detail: $"{ex.Message} Model version {store.Current?.Version ?? 0} keeps serving.");
        }
    }

    /// <summary>The service's settings, read here to decide what to map (before the host's start-up validation): the
    /// package's settings are checked at the same time, so one start lists every bad setting of both.</summary>
    private static RecommendationServiceOptions ValidatedSettings(IServiceProvider services)
    {
        var failures = new List<OptionsValidationException>();
        RecommendationServiceOptions? options = null;
        try
        {
            _ = services.GetRequiredService<IOptions<CustomerAnalyticsOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            failures.Add(ex);
        }

        try
        {
            options = services.GetRequiredService<IOptions<RecommendationServiceOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            failures.Add(ex);
        }

        return failures.Count switch
        {
            0 => options!,
            1 => throw failures[0],
            _ => throw new AggregateException(failures),
        };
    }

    private static ProblemHttpResult NotReady() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No model loaded", detail: "The model has not been loaded yet; see /health.");

    private static int ParseCount(string? text, RecommendationServiceOptions options, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return options.DefaultCount;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= options.MaxCount)
        {
            return count;
        }

        errors["count"] = [$"count must be a whole number from 1 to {options.MaxCount} (was '{text}')."];
        return 0;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var entries = report.Entries.ToDictionary(
            e => e.Key,
            e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data },
            StringComparer.Ordinal);
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString(), checks = entries }, JsonSerializerOptions.Web));
    }
}

/// <summary>The body of <c>GET /customers/{id}/recommendations</c>.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Strategy">The strategy that answered.</param>
/// <param name="ModelVersion">The model version that answered.</param>
/// <param name="Items">The recommendations, best first.</param>
public sealed record RecommendationsResponse(string CustomerId, string Strategy, long ModelVersion, ImmutableArray<Recommendation> Items);

/// <summary>The body of <c>GET /products/{id}/related</c>.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Category">Its category.</param>
/// <param name="Method">The strategy that found them (<c>item-cooccurrence</c>: customers who bought the product also
/// bought these; popularity when nobody bought it with anything).</param>
/// <param name="ModelVersion">The model version that answered.</param>
/// <param name="Items">The related products, most related first.</param>
public sealed record RelatedProductsResponse(string ProductId, string Category, string Method, long ModelVersion, ImmutableArray<Recommendation> Items);

/// <summary>The body of <c>POST /admin/reload</c>.</summary>
/// <param name="ModelVersion">The new model version.</param>
/// <param name="FittedAt">When it was fitted (UTC).</param>
/// <param name="Transactions">Its transactions.</param>
/// <param name="Customers">Its customers.</param>
/// <param name="Products">Its products.</param>
public sealed record ReloadResponse(long ModelVersion, DateTimeOffset FittedAt, int Transactions, int Customers, int Products);
