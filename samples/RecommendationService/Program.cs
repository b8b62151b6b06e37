using RecommendationService;

ServiceApp.Create(args).Run();

/// <summary>The service's entry point (public for <c>WebApplicationFactory</c>).</summary>
public partial class Program;
