using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>Healthy while a model serves and the last load succeeded; degraded when a reload failed but the previous
/// model still serves; unhealthy (or the registration's failure status) without a model.</summary>
internal sealed class ModelHealthCheck(ModelStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = store.Current;
        var error = store.LastError;
        if (snapshot is null)
        {
            var data = error is null ? null : new Dictionary<string, object>(StringComparer.Ordinal) { ["lastErrorAt"] = UtcTimestamp.Format(store.LastErrorAt!.Value) };
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, error ?? "No model loaded yet.", data: data));
        }

        var facts = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["modelVersion"] = snapshot.Version,
            ["fittedAt"] = UtcTimestamp.Format(snapshot.FittedAt),
            ["source"] = snapshot.Source,
            ["transactions"] = snapshot.Dataset.TransactionCount,
            ["customers"] = snapshot.Dataset.Customers.Count,
            ["products"] = snapshot.Dataset.Products.Count,
            ["strategies"] = snapshot.Strategies.ToArray(),
            ["account"] = snapshot.Account,
            ["accountAddsUp"] = snapshot.Account.AddsUp(),
        };
        if (error is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"Model version {snapshot.Version} serving.", facts));
        }

        facts["lastErrorAt"] = UtcTimestamp.Format(store.LastErrorAt!.Value);
        return Task.FromResult(HealthCheckResult.Degraded($"The last reload failed ({error}); model version {snapshot.Version} keeps serving.", data: facts));
    }
}
