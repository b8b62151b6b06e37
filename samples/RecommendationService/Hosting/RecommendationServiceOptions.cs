namespace RecommendationService.Hosting;

/// <summary>
/// Settings of the recommendation service, bound from the <c>CustomerAnalytics</c> configuration section (settable
/// properties, as the configuration binder needs). Checked once at start-up by <see cref="Validate"/>.
/// </summary>
public sealed class RecommendationServiceOptions
{
    /// <summary>The configuration section the service binds.</summary>
    public const string SectionName = "CustomerAnalytics";

    /// <summary>A folder with <c>customers.csv</c>, <c>products.csv</c> and <c>transactions.csv</c>; used for any of the
    /// three paths left unset. Relative paths are relative to the content root.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The customers file (CSV, JSON or JSON Lines, optionally .gz).</summary>
    public string? CustomersPath { get; set; }

    /// <summary>The products file.</summary>
    public string? ProductsPath { get; set; }

    /// <summary>The transactions file.</summary>
    public string? TransactionsPath { get; set; }

    /// <summary>One flat order-lines file (for example Online Retail) instead of the three files; when set, the
    /// three-file settings are ignored.</summary>
    public string? OrderLinesPath { get; set; }

    /// <summary>The column names of <see cref="OrderLinesPath"/>: <c>default</c> or <c>online-retail</c>.</summary>
    public string OrderLinesPreset { get; set; } = "default";

    /// <summary>Loads leniently (bad rows are skipped and counted) instead of failing on the first bad file.</summary>
    public bool Lenient { get; set; }

    /// <summary>The strategy used when a request names none.</summary>
    public string DefaultStrategy { get; set; } = "segment-affinity";

    /// <summary>How many items a request gets when it names no count.</summary>
    public int DefaultCount { get; set; } = 10;

    /// <summary>The largest count a request may ask for.</summary>
    public int MaxCount { get; set; } = 100;

    /// <summary>The name of the authorization policy that guards the admin endpoints; the host registers it
    /// (the sample: <c>X-Api-Key</c> checked against <see cref="AdminApiKey"/>).</summary>
    public const string AdminPolicy = "customer-analytics-admin";

    /// <summary>Whether <c>POST /admin/reload</c> is mapped (off by default); when on, it requires the
    /// <see cref="AdminPolicy"/> authorization policy.</summary>
    public bool EnableAdminReload { get; set; }

    /// <summary>The key the sample's API-key scheme expects in the <c>X-Api-Key</c> header; required when
    /// <see cref="EnableAdminReload"/> is on.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>What error responses and <c>/health</c> may show.</summary>
    public DiagnosticsSettings Diagnostics { get; set; } = new();

    /// <summary>Checks the settings, listing every problem.</summary>
    /// <exception cref="InvalidOperationException">One or more settings are invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (DefaultCount < 1)
        {
            problems.Add($"{nameof(DefaultCount)} must be at least 1 (was {DefaultCount})");
        }

        if (MaxCount < DefaultCount)
        {
            problems.Add($"{nameof(MaxCount)} must be at least {nameof(DefaultCount)} (was {MaxCount})");
        }

        if (string.IsNullOrWhiteSpace(DefaultStrategy))
        {
            problems.Add($"{nameof(DefaultStrategy)} must not be empty");
        }

        if (OrderLinesPreset is not ("default" or "online-retail"))
        {
            problems.Add($"{nameof(OrderLinesPreset)} must be 'default' or 'online-retail' (was '{OrderLinesPreset}')");
        }

        if (EnableAdminReload && string.IsNullOrWhiteSpace(AdminApiKey))
        {
            problems.Add($"{nameof(AdminApiKey)} must be set when {nameof(EnableAdminReload)} is true (the key clients send in the X-Api-Key header)");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Invalid {SectionName} settings: " + string.Join("; ", problems) + ".");
        }
    }
}

/// <summary>What the service's error responses and health report may show (the <c>CustomerAnalytics:Diagnostics</c> section).</summary>
public sealed class DiagnosticsSettings
{
    /// <summary>Shows absolute paths and raw row values in failed-reload problems and <c>/health</c>; off by default
    /// (file names only, no values: <see cref="CustomerAnalytics.Loading.LoadOptions.IncludeValuesInDiagnostics"/> is
    /// turned off for the service's loads). Logs keep the full details either way.</summary>
    public bool IncludeDetails { get; set; }
}
