using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerAnalytics.Hosting.AspNetCore.Internal;

/// <summary>Writes <c>GET /health</c>: the overall status and each check's status, description and data.</summary>
/// <param name="json">How bodies are written (<see cref="EndpointJson"/>).</param>
internal sealed class HealthWriter(JsonSerializerOptions json)
{
    public Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var entries = report.Entries.ToDictionary(
            e => e.Key,
            e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data },
            StringComparer.Ordinal);
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString(), checks = entries }, json), context.RequestAborted);
    }
}
