using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RecommendationService.Hosting;

/// <summary>Healthy while a model serves and the last load succeeded; degraded when a reload failed but the previous
/// model still serves; unhealthy without a model.</summary>
internal sealed class ModelHealthCheck(ModelStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = store.Current;
        var error = store.LastError;
        if (snapshot is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(error ?? "No model loaded yet."));
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["modelVersion"] = snapshot.Version,
            ["fittedAt"] = snapshot.FittedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["source"] = snapshot.Source,
            ["transactions"] = snapshot.Dataset.TransactionCount,
            ["customers"] = snapshot.Dataset.Customers.Count,
            ["products"] = snapshot.Dataset.Products.Count,
            ["strategies"] = snapshot.Models.Keys.Order(StringComparer.Ordinal).ToArray(),
            ["account"] = snapshot.Account,
            ["accountAddsUp"] = snapshot.Account.AddsUp(),
        };
        return Task.FromResult(error is null
            ? HealthCheckResult.Healthy($"Model version {snapshot.Version} serving.", data)
            : HealthCheckResult.Degraded($"The last reload failed ({error}); model version {snapshot.Version} keeps serving.", data: data));
    }
}
