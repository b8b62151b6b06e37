using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CustomerAnalytics.Hosting.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RecommendationService.Api;

namespace RecommendationService.Security;

/// <summary>
/// The sample's admin authentication: a request is authenticated when its <c>X-Api-Key</c> header equals
/// <see cref="RecommendationServiceOptions.AdminApiKey"/> (compared in constant time). Without the header, or with
/// another key, the admin policy answers 401. Replace it with your own scheme (JWT, mTLS) in production.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemes, ILoggerFactory logger, UrlEncoder encoder, IOptions<RecommendationServiceOptions> settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var given) || given.Count != 1 || string.IsNullOrEmpty(given[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (settings.Value.AdminApiKey is not { Length: > 0 } expected
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[0]!), Encoding.UTF8.GetBytes(expected)))
        {
            return Task.FromResult(AuthenticateResult.Fail($"The {HeaderName} header does not hold the configured key."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

/// <summary>Registers the sample's API-key scheme and the <see cref="CustomerAnalyticsEndpointOptions.AdminPolicy"/> policy over it.</summary>
internal static class ApiKeyAuthenticationExtensions
{
    /// <summary>Adds the key setting (bound from <paramref name="section"/>, checked at start-up), the <c>ApiKey</c>
    /// scheme and the admin policy (an authenticated caller of that scheme).</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The <c>CustomerAnalytics</c> section, which holds <c>AdminApiKey</c>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddAdminApiKey(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<RecommendationServiceOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecommendationServiceOptions>, RecommendationServiceOptionsValidator>());
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(CustomerAnalyticsEndpointOptions.AdminPolicy, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        return services;
    }
}
