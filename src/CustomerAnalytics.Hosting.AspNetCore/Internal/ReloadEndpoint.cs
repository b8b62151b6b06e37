using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerAnalytics.Hosting.AspNetCore.Internal;

/// <summary><c>POST /admin/reload</c>: refuses a body other than none or <c>{}</c>, then reloads (joining a reload
/// that already runs); a failed reload answers 500 and the old model keeps serving.</summary>
/// <param name="json">How bodies are written (<see cref="EndpointJson"/>).</param>
internal sealed class ReloadEndpoint(JsonSerializerOptions json)
{
    public async Task<Results<JsonHttpResult<ReloadResponse>, ProblemHttpResult>> ReloadAsync(HttpRequest request, ModelStore store, CancellationToken cancellationToken)
    {
        if (await ReloadBody.ProblemAsync(request, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid reload request", detail: problem);
        }

        try
        {
            var snapshot = await store.ReloadAsync(cancellationToken).ConfigureAwait(false);
            var dataset = snapshot.Dataset;
            return TypedResults.Json(new ReloadResponse(snapshot.Version, snapshot.FittedAt, dataset.TransactionCount, dataset.Customers.Count, dataset.Products.Count), json);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                title: "Reload failed",
                detail: $"{ex.Message} Model version {store.Current?.Version ?? 0} keeps serving.");
        }
    }
}
