using Microsoft.Extensions.Configuration;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>One step that makes the options: a configuration section bound over them, or a function of code
/// (<c>o =&gt; o with { … }</c>). Steps apply in the order they were registered.</summary>
internal sealed class OptionsSetup
{
    private readonly IConfiguration? _section;
    private readonly Func<CustomerAnalyticsOptions, CustomerAnalyticsOptions>? _configure;

    public OptionsSetup(IConfiguration section) => _section = section;

    public OptionsSetup(Func<CustomerAnalyticsOptions, CustomerAnalyticsOptions> configure) => _configure = configure;

    /// <summary>The configuration path the settings came from, or <see langword="null"/> for code.</summary>
    public string? SectionPath => _section is null ? null : (_section as IConfigurationSection)?.Path ?? string.Empty;

    public CustomerAnalyticsOptions Apply(CustomerAnalyticsOptions options)
    {
        if (_configure is not null)
        {
            return _configure(options) ?? throw new InvalidOperationException("The function given to AddCustomerAnalytics returned null; return the options, changed with 'o => o with { … }'.");
        }

        // The binder sets init-only properties on a copy nobody else holds; nested records are copied too.
        var copy = options with { Diagnostics = options.Diagnostics with { }, Recommender = options.Recommender with { }, Run = options.Run with { } };
        _section!.Bind(copy);
        return copy;
    }
}
