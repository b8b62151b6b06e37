using CustomerAnalytics.Hosting;

namespace RecommendationService.Api;

/// <summary>
/// The service's own settings, bound from the <c>CustomerAnalytics</c> configuration section beside the package's
/// <see cref="CustomerAnalyticsOptions"/> (settable properties, as the configuration binder needs). Checked once at start-up.
/// </summary>
public sealed class RecommendationServiceOptions
{
    /// <summary>The name of the authorization policy that guards the admin endpoints; the host registers it
    /// (the sample: <c>X-Api-Key</c> checked against <see cref="AdminApiKey"/>).</summary>
    public const string AdminPolicy = "customer-analytics-admin";

    /// <summary>How many items a request gets when it names no count.</summary>
    public int DefaultCount { get; set; } = 10;

    /// <summary>The largest count a request may ask for.</summary>
    public int MaxCount { get; set; } = 100;

    /// <summary>Whether <c>POST /admin/reload</c> is mapped (off by default); when on, it requires the
    /// <see cref="AdminPolicy"/> authorization policy.</summary>
    public bool EnableAdminReload { get; set; }

    /// <summary>The key the sample's API-key scheme expects in the <c>X-Api-Key</c> header; required when
    /// <see cref="EnableAdminReload"/> is on.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Every problem with the settings, each naming its configuration key.</summary>
    /// <param name="strategies">The registered strategies' names.</param>
    /// <param name="defaultStrategy">The strategy used when a request names none: the package's
    /// <c>CustomerAnalytics:Recommender:Strategy</c> (<see cref="CustomerAnalyticsRecommenderOptions.Strategy"/>), shared with the tool.</param>
    /// <returns>The problems; empty when the settings are valid.</returns>
    public IReadOnlyList<string> Problems(IReadOnlyCollection<string> strategies, string defaultStrategy)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        static string Key(string property) => CustomerAnalyticsOptions.SectionName + ":" + property;
        var problems = new List<string>();
        if (DefaultCount < 1)
        {
            problems.Add($"{Key(nameof(DefaultCount))} must be at least 1 (was {DefaultCount})");
        }

        if (MaxCount < DefaultCount)
        {
            problems.Add($"{Key(nameof(MaxCount))} must be at least {Key(nameof(DefaultCount))} (was {MaxCount})");
        }

        if (!strategies.Contains(defaultStrategy, StringComparer.Ordinal))
        {
            problems.Add($"{Key("Recommender:Strategy")} must be one of the registered strategies {string.Join(", ", strategies.Order(StringComparer.Ordinal))} (was '{defaultStrategy}')");
        }

        if (EnableAdminReload && string.IsNullOrWhiteSpace(AdminApiKey))
        {
            problems.Add($"{Key(nameof(AdminApiKey))} must be set when {Key(nameof(EnableAdminReload))} is true (the key clients send in the X-Api-Key header)");
        }

        return problems;
    }
}
