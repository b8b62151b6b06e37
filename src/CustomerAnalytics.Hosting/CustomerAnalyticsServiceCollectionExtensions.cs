using System.Diagnostics.Metrics;
using CustomerAnalytics.Hosting;
using CustomerAnalytics.Hosting.Internal;
using CustomerAnalytics.Recommendations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CustomerAnalytics in a host's services.</summary>
public static class CustomerAnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// Registers CustomerAnalytics with its options bound from <paramref name="section"/> (usually
    /// <c>configuration.GetSection(CustomerAnalyticsOptions.SectionName)</c>): validated options, the
    /// <see cref="IDatasetSource"/> over the configured files, the library's strategies (popularity, segment-affinity,
    /// item-cooccurrence, als and ease, made with the options of <see cref="CustomerAnalyticsOptions.Recommender"/>; a load
    /// fits those <see cref="CustomerAnalyticsRecommenderOptions.StrategiesToFit"/> names), the <see cref="ModelStore"/>, and a hosted service that loads it before the host starts and refreshes
    /// it when <see cref="CustomerAnalyticsOptions.RefreshInterval"/> is set.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section holding the settings.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <remarks>
    /// Invalid settings fail the host's start with one message naming every bad key. Register another
    /// <see cref="IDatasetSource"/> singleton to load from elsewhere, and <see cref="IRecommender"/> singletons to add
    /// strategies (register your own instance of a default strategy's type before this call to replace it). Add the
    /// health check with <c>AddHealthChecks().AddCustomerAnalyticsHealthCheck()</c>.
    /// </remarks>
    /// <example>
    /// <code>
    /// builder.Services.AddCustomerAnalytics(builder.Configuration.GetSection(CustomerAnalyticsOptions.SectionName));
    /// builder.Services.AddHealthChecks().AddCustomerAnalyticsHealthCheck();
    /// </code>
    /// </example>
    public static IServiceCollection AddCustomerAnalytics(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        return services.AddSetup(new OptionsSetup(section));
    }

    /// <summary>Registers CustomerAnalytics (see <see cref="AddCustomerAnalytics(IServiceCollection, IConfiguration)"/>)
    /// with options made in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options: <c>o =&gt; o with { DataDirectory = "data" }</c>. Applied after any
    /// configuration section registered before it.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddCustomerAnalytics(this IServiceCollection services, Func<CustomerAnalyticsOptions, CustomerAnalyticsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddSetup(new OptionsSetup(configure));
    }

    private static IServiceCollection AddSetup(this IServiceCollection services, OptionsSetup setup)
    {
        services.AddSingleton(setup);
        services.AddOptions<CustomerAnalyticsOptions>().ValidateOnStart();
        services.TryAddSingleton<IOptionsFactory<CustomerAnalyticsOptions>, OptionsFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomerAnalyticsOptions>, OptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDatasetSource>(DefaultSource);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecommender>(new PopularityRecommender()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecommender>(new SegmentAffinityRecommender()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecommender, ItemCooccurrenceRecommender>(ConfiguredStrategies.Cooccurrence));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecommender, ImplicitAlsRecommender>(ConfiguredStrategies.ImplicitAls));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecommender, EaseRecommender>(ConfiguredStrategies.Ease));
        services.TryAddSingleton(provider => new HostingTelemetry(provider.GetService<IMeterFactory>()));
        services.TryAddSingleton(provider => new ModelStore(
            provider.GetRequiredService<IDatasetSource>(),
            ConfiguredStrategies.Fitted(provider),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ModelStore>>() ?? Logging.Abstractions.NullLogger<ModelStore>.Instance,
            provider.GetRequiredService<HostingTelemetry>(),
            new SavedModelLoader(provider.GetRequiredService<IOptions<CustomerAnalyticsOptions>>(), provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Environment.CurrentDirectory)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ModelLoaderService>(provider => new ModelLoaderService(
            provider.GetRequiredService<ModelStore>(),
            provider.GetRequiredService<IOptions<CustomerAnalyticsOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ModelLoaderService>>() ?? Logging.Abstractions.NullLogger<ModelLoaderService>.Instance)));
        return services;
    }

    /// <summary>The configured files, or a source whose load says what to set.</summary>
    private static IDatasetSource DefaultSource(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<CustomerAnalyticsOptions>>().Value;
        if (FileDatasetSource.IsConfigured(options))
        {
            return new FileDatasetSource(options, provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Environment.CurrentDirectory);
        }

        var path = provider.GetServices<OptionsSetup>().Select(s => s.SectionPath).LastOrDefault(p => !string.IsNullOrEmpty(p));
        return new UnconfiguredDatasetSource(path ?? CustomerAnalyticsOptions.SectionName);
    }
}
