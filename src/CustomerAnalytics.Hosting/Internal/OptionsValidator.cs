using Microsoft.Extensions.Options;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>Checks the options once, naming each setting by its configuration key when they were bound from
/// configuration (<c>CustomerAnalytics:RoundMoney</c>), by its property otherwise.</summary>
internal sealed class OptionsValidator(IEnumerable<OptionsSetup> setups) : IValidateOptions<CustomerAnalyticsOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerAnalyticsOptions options)
    {
        var path = setups.Select(s => s.SectionPath).LastOrDefault(p => !string.IsNullOrEmpty(p));
        var problems = options.Problems(path is null ? OptionKeys.Code : OptionKeys.Configuration(path));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(OptionKeys.Message(problems));
    }
}
