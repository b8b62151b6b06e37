using CustomerAnalytics.Hosting;
using CustomerAnalytics.Recommendations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

// A host that consumes CustomerAnalytics.Hosting by version: the seed data from ../data, fitted before the host starts.
var data = Path.Combine(AppContext.BaseDirectory, "data");
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddCustomerAnalytics(o => o with { DataDirectory = data });
builder.Services.AddHealthChecks().AddCustomerAnalyticsHealthCheck();
using var host = builder.Build();
await host.StartAsync();

var snapshot = host.Services.GetRequiredService<ModelStore>().Current!;
var items = snapshot.Models["segment-affinity"].Recommend("C004", RecommendationRequest.Default with { Count = 3 });
var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
Console.WriteLine($"model={snapshot.Version} transactions={snapshot.Dataset.TransactionCount} C004={string.Join(",", items.Select(i => i.ProductId))} health={health.Status}");
await host.StopAsync();
return snapshot.Dataset.TransactionCount == 7 && items.Length == 3 && items[0].ProductId == "P200" && health.Status == HealthStatus.Healthy ? 0 : 1;
