using System.Runtime.CompilerServices;

namespace CustomerAnalytics.Hosting.AspNetCore.Internal;

/// <summary>The KPI summary of each snapshot, computed once on first request and dropped with its snapshot.</summary>
internal sealed class KpiSummaries
{
    /// <summary>The name of the health check <c>GET /health</c> reports the model under.</summary>
    public const string HealthCheckName = "model";

    private readonly ConditionalWeakTable<ModelSnapshot, KpiSummary> _summaries = [];

    public KpiSummary For(ModelSnapshot snapshot) => _summaries.GetValue(snapshot, KpiSummary.Of);
}
