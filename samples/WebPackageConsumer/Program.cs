using CustomerAnalytics.Hosting;

// A web app that consumes CustomerAnalytics.Hosting.AspNetCore by version: the seed data from ../data, the endpoints
// on a free local port, two requests, then a stop.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration["CustomerAnalytics:DataDirectory"] = Path.Combine(AppContext.BaseDirectory, "data");
var section = builder.Configuration.GetSection(CustomerAnalyticsOptions.SectionName);
builder.Services.AddCustomerAnalytics(section);
builder.Services.AddCustomerAnalyticsEndpoints(section);
var app = builder.Build();
app.MapCustomerAnalytics();
await app.StartAsync();

using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
var recommendations = await http.GetStringAsync(new Uri("/customers/C004/recommendations?strategy=segment-affinity&count=3", UriKind.Relative));
using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
using var reload = await http.PostAsync(new Uri("/admin/reload", UriKind.Relative), null);
Console.WriteLine($"recommendations={recommendations} health={(int)health.StatusCode} reload={(int)reload.StatusCode}");
await app.StopAsync();
return recommendations.Contains("\"productId\":\"P200\"", StringComparison.Ordinal) && health.IsSuccessStatusCode && reload.StatusCode == System.Net.HttpStatusCode.NotFound ? 0 : 1;
