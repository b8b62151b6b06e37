namespace CustomerAnalytics.Hosting.AspNetCore;

/// <summary>
/// The settings of the endpoints <c>MapCustomerAnalytics</c> maps, bound by <c>AddCustomerAnalyticsEndpoints</c> from
/// the same configuration section as <see cref="CustomerAnalyticsOptions"/> (<c>CustomerAnalytics:DefaultCount</c>, …)
/// and checked once, when the endpoints are mapped.
/// </summary>
public sealed record CustomerAnalyticsEndpointOptions
{
    /// <summary>The name of the authorization policy <c>POST /admin/reload</c> requires; the host registers it
    /// (the sample: an <c>X-Api-Key</c> scheme). Mapping the reload without that policy registered fails.</summary>
    public const string AdminPolicy = "customer-analytics-admin";

    /// <summary>How many items a request gets when it names no count.</summary>
    /// <value>Defaults to 10.</value>
    public int DefaultCount { get; init; } = 10;

    /// <summary>The largest count a request may ask for.</summary>
    /// <value>Defaults to 100.</value>
    public int MaxCount { get; init; } = 100;

    /// <summary>Whether <c>POST /admin/reload</c> is mapped; when on, it requires the <see cref="AdminPolicy"/>
    /// authorization policy.</summary>
    /// <value>Defaults to <see langword="false"/> (secure by default: no admin endpoint).</value>
    public bool EnableAdminReload { get; init; }

    /// <summary>Every problem with the settings, each named by its key.</summary>
    /// <param name="prefix">The configuration path the keys are under (<c>CustomerAnalytics</c>), or empty in code.</param>
    internal IReadOnlyList<string> Problems(string prefix)
    {
        string Key(string property) => prefix.Length == 0 ? property : prefix + ":" + property;
        var problems = new List<string>();
        if (DefaultCount < 1)
        {
            problems.Add($"{Key(nameof(DefaultCount))} must be at least 1 (was {DefaultCount})");
        }

        if (MaxCount < DefaultCount)
        {
            problems.Add($"{Key(nameof(MaxCount))} must be at least {Key(nameof(DefaultCount))} (was {MaxCount})");
        }

        return problems;
    }
}
