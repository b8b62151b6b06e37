using Microsoft.Extensions.Options;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>
/// Makes the immutable <see cref="CustomerAnalyticsOptions"/> from the defaults and the registered
/// <see cref="OptionsSetup"/> steps (the options pattern's own factory can only mutate one instance), then runs every
/// <see cref="IValidateOptions{TOptions}"/> as the default factory does, so <c>ValidateOnStart</c> reports them at start-up.
/// </summary>
internal sealed class OptionsFactory(IEnumerable<OptionsSetup> setups, IEnumerable<IValidateOptions<CustomerAnalyticsOptions>> validators)
    : IOptionsFactory<CustomerAnalyticsOptions>
{
    public CustomerAnalyticsOptions Create(string name)
    {
        var options = setups.Aggregate(new CustomerAnalyticsOptions(), (o, setup) => setup.Apply(o));
        var failures = new List<string>();
        foreach (var validator in validators)
        {
            var result = validator.Validate(name, options);
            if (result.Failed)
            {
                failures.AddRange(result.Failures);
            }
        }

        return failures.Count > 0 ? throw new OptionsValidationException(name, typeof(CustomerAnalyticsOptions), failures) : options;
    }
}
