using CustomerAnalytics.Hosting;
using CustomerAnalytics.Hosting.Internal;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the CustomerAnalytics health check.</summary>
public static class CustomerAnalyticsHealthChecksBuilderExtensions
{
    /// <summary>The name the check is registered under unless another is given.</summary>
    public const string DefaultName = "customer-analytics";

    /// <summary>
    /// Adds a check of the <see cref="ModelStore"/>: <see cref="HealthStatus.Healthy"/> while a model serves and the last
    /// load succeeded; <see cref="HealthStatus.Degraded"/> when a reload failed and the previous model keeps serving;
    /// <paramref name="failureStatus"/> (by default <see cref="HealthStatus.Unhealthy"/>) while no model has loaded. Its
    /// data: <c>modelVersion</c>, <c>fittedAt</c> (UTC, <c>Z</c>), <c>source</c> (file names unless
    /// <see cref="CustomerAnalyticsDiagnosticsOptions.IncludeDetails"/>), <c>transactions</c>, <c>customers</c>,
    /// <c>products</c>, <c>strategies</c>, the dataset's <c>account</c>, <c>accountAddsUp</c> and, after a failure,
    /// <c>lastErrorAt</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status while no model has loaded; <see langword="null"/> for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by, or <see langword="null"/>.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHealthChecksBuilder AddCustomerAnalyticsHealthCheck(this IHealthChecksBuilder builder, string name = DefaultName, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.AddCheck<ModelHealthCheck>(name, failureStatus ?? HealthStatus.Unhealthy, tags ?? []);
    }
}
