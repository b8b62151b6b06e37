using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerAnalytics.Hosting.Tests;

public sealed class CustomerAnalyticsOptionsTests
{
    private const string Fields = "category, customer, customer-name, id, name, order, price, product, quantity, segment, timestamp, total";

    [Fact]
    public async Task Configuration_InvalidSettings_StartFailsNamingEveryKey()
    {
        await using var host = TestHost.Create(Settings(
            ("OrderLinesPreset", "excel"),
            ("Columns:custmer", "household_key"),
            ("Separator", ";;"),
            ("Encoding", "klingon"),
            ("RoundMoney", "7"),
            ("MaxProblems", "0"),
            ("RefreshInterval", "00:00:00.5")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Host.StartAsync());

        Assert.Equal(
            "Invalid CustomerAnalytics settings: CustomerAnalytics:OrderLinesPreset must be 'default' or 'online-retail' (was 'excel'); "
            + $"CustomerAnalytics:Columns:custmer is not a field; use one of {Fields}; "
            + "CustomerAnalytics:Separator must be one character, 'tab' or 'auto' (was ';;'); "
            + "CustomerAnalytics:Encoding must name an encoding or code page such as utf-8, latin1, windows-1252 or utf-16 (was 'klingon'); "
            + "CustomerAnalytics:RoundMoney must be from 0 to 4 (was 7); "
            + "CustomerAnalytics:MaxProblems must be at least 1 (was 0); "
            + "CustomerAnalytics:RefreshInterval must be at least 00:00:01, or unset for no scheduled refresh (was 00:00:00.5000000).",
            error.Message);
        Assert.Equal(0, host.Source.Loads);
    }

    [Fact]
    public void Code_InvalidOptions_MessageNamesProperties()
    {
        var services = new ServiceCollection().AddCustomerAnalytics(o => o with
        {
            Columns = new Dictionary<string, string>(StringComparer.Ordinal) { ["total"] = " ", ["basket"] = "x" },
            RoundMoney = 5,
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CustomerAnalyticsOptions>>().Value);

        Assert.Equal(
            $"Invalid CustomerAnalytics settings: CustomerAnalyticsOptions.Columns[\"total\"] must name a column; CustomerAnalyticsOptions.Columns[\"basket\"] is not a field; use one of {Fields}; "
            + "CustomerAnalyticsOptions.RoundMoney must be from 0 to 4 (was 5).",
            error.Message);
    }

    [Fact]
    public void Validate_Direct_ThrowsArgumentExceptionNamingProperties()
    {
        var error = Assert.Throws<ArgumentException>(() => new CustomerAnalyticsOptions { MaxProblems = 0 }.Validate());

        Assert.Equal("Invalid CustomerAnalytics settings: CustomerAnalyticsOptions.MaxProblems must be at least 1 (was 0).", error.Message);
    }

    [Fact]
    public async Task Configuration_EveryKindOfSetting_Bound_ThenCodeApplied()
    {
        await using var host = TestHost.Create(
            Settings(
                ("DataDirectory", "data"),
                ("Lenient", "true"),
                ("RoundMoney", "2"),
                ("Separator", "tab"),
                ("UnknownCustomers", "KeepAsUnknown"),
                ("RefreshInterval", "01:30:00"),
                ("Columns:total", "sales_value"),
                ("Diagnostics:IncludeDetails", "true")),
            services: s => s.AddCustomerAnalytics(o => o with { MaxProblems = 5 }));

        var options = host.Host.Services.GetRequiredService<IOptions<CustomerAnalyticsOptions>>().Value;

        Assert.Equal(
            new CustomerAnalyticsOptions().Diagnostics with { IncludeDetails = true },
            options.Diagnostics);
        Assert.Equal(("data", true, 2, "tab", UnknownReferencePolicy.KeepAsUnknown, TimeSpan.FromMinutes(90), 5), (options.DataDirectory, options.Lenient, options.RoundMoney, options.Separator, options.UnknownCustomers, options.RefreshInterval, options.MaxProblems));
        Assert.Equal(["total=sales_value"], options.Columns.Select(c => $"{c.Key}={c.Value}"));
        Assert.False(new CustomerAnalyticsOptions().Diagnostics.IncludeDetails);
    }

    [Fact]
    public async Task Configuration_UnconvertibleValue_StartFailsNamingTheKey()
    {
        await using var host = TestHost.Create(Settings(("MaxProblems", "many")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Host.StartAsync());

        Assert.Contains("'CustomerAnalytics:MaxProblems'", error.Message, StringComparison.Ordinal);
    }

    internal static IEnumerable<KeyValuePair<string, string?>> Settings(params (string Key, string Value)[] settings) =>
        settings.Select(s => new KeyValuePair<string, string?>(CustomerAnalyticsOptions.SectionName + ":" + s.Key, s.Value));
}
