using Microsoft.Extensions.Options;

namespace CustomerAnalytics.Hosting.AspNetCore.Internal;

/// <summary>Checks <see cref="CustomerAnalyticsEndpointOptions"/> once, naming each bad setting by its key.</summary>
internal sealed class EndpointOptionsValidator(string prefix) : IValidateOptions<CustomerAnalyticsEndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerAnalyticsEndpointOptions options)
    {
        var problems = options.Problems(prefix);
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Invalid {(prefix.Length == 0 ? nameof(CustomerAnalyticsEndpointOptions) : prefix)} settings: " + string.Join("; ", problems) + ".");
    }
}
