using CustomerAnalytics.Hosting;
using CustomerAnalytics.Hosting.AspNetCore;
using Microsoft.Extensions.Options;

namespace RecommendationService.Api;

/// <summary>
/// The sample's own setting, bound from the <c>CustomerAnalytics</c> section beside the packages' options: the key
/// of its API-key scheme. The endpoints and their settings (<c>DefaultCount</c>, <c>MaxCount</c>,
/// <c>EnableAdminReload</c>) are the <c>CustomerAnalytics.Hosting.AspNetCore</c> package's.
/// </summary>
public sealed class RecommendationServiceOptions
{
    /// <summary>The key the sample's API-key scheme expects in the <c>X-Api-Key</c> header; required when
    /// <see cref="CustomerAnalyticsEndpointOptions.EnableAdminReload"/> is on.</summary>
    public string? AdminApiKey { get; set; }
}

/// <summary>Checks the sample's setting at start-up: a key is needed when the admin reload is enabled.</summary>
internal sealed class RecommendationServiceOptionsValidator(IConfiguration configuration) : IValidateOptions<RecommendationServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, RecommendationServiceOptions options)
    {
        const string Section = CustomerAnalyticsOptions.SectionName;
        // The package's setting, read as written: the package reports its own problems.
        var enabled = bool.TryParse(configuration[Section + ":" + nameof(CustomerAnalyticsEndpointOptions.EnableAdminReload)], out var on) && on;
        return enabled && string.IsNullOrWhiteSpace(options.AdminApiKey)
            ? ValidateOptionsResult.Fail($"Invalid {Section} settings: {Section}:{nameof(RecommendationServiceOptions.AdminApiKey)} must be set when {Section}:{nameof(CustomerAnalyticsEndpointOptions.EnableAdminReload)} is true (the key clients send in the X-Api-Key header).")
            : ValidateOptionsResult.Success;
    }
}
