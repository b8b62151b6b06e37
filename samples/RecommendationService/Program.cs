using RecommendationService.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCustomerAnalytics(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapCustomerAnalytics();
app.Run();

/// <summary>The service's entry point (public for <c>WebApplicationFactory</c>).</summary>
public partial class Program;
