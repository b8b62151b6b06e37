using System.Collections.Immutable;
using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using Microsoft.Extensions.Configuration;
using CustomerAnalytics.Hosting.Internal;

namespace CustomerAnalytics.Hosting;

/// <summary>
/// What <c>AddCustomerAnalytics</c> loads and how often: the input files (the same files, columns and options as the
/// tool's <c>run</c>), the reload schedule and what health reports may show. Bound from the <c>CustomerAnalytics</c>
/// configuration section or configured in code with <c>o =&gt; o with { … }</c>; checked once at start-up.
/// Immutable: derive variants with <c>with</c>.
/// </summary>
/// <example>
/// <code>
/// // appsettings.json: { "CustomerAnalytics": { "DataDirectory": "data", "RefreshInterval": "01:00:00" } }
/// builder.Services.AddCustomerAnalytics(builder.Configuration.GetSection(CustomerAnalyticsOptions.SectionName));
/// // or in code:
/// builder.Services.AddCustomerAnalytics(o =&gt; o with { OrderLinesPath = "online_retail.csv.gz", OrderLinesPreset = "online-retail", Lenient = true });
/// </code>
/// </example>
public sealed record CustomerAnalyticsOptions
{
    /// <summary>The configuration section the settings are usually bound from.</summary>
    public const string SectionName = "CustomerAnalytics";

    /// <summary>A folder with <c>customers.csv</c>, <c>products.csv</c> and <c>transactions.csv</c>, used for any of the
    /// three paths left unset (the tool's <c>--data</c>). Relative paths are relative to the host's content root.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The customers file: CSV, JSON or JSON Lines, optionally <c>.gz</c> (<c>--customers</c>).</summary>
    public string? CustomersPath { get; init; }

    /// <summary>The products file (<c>--products</c>).</summary>
    public string? ProductsPath { get; init; }

    /// <summary>The transactions file (<c>--transactions</c>).</summary>
    public string? TransactionsPath { get; init; }

    /// <summary>One flat order-lines file (for example Online Retail) instead of the three files (<c>--order-lines</c>);
    /// when set, the three-file settings are ignored.</summary>
    public string? OrderLinesPath { get; init; }

    /// <summary>The column names of a known layout: <c>default</c> or <c>online-retail</c> (<c>--preset</c>).</summary>
    /// <value>Defaults to <c>default</c>.</value>
    public string OrderLinesPreset { get; init; } = "default";

    /// <summary>
    /// Column names by field, over the preset (the tool's <c>--map FIELD=COLUMN</c>); they apply to the transactions
    /// file and to the order-lines file. Fields (<see cref="ColumnFields.Transactions"/>): <c>id</c>, <c>customer</c>,
    /// <c>product</c>, <c>quantity</c>, <c>timestamp</c>, <c>price</c>, <c>order</c>, <c>total</c>, <c>segment</c>,
    /// <c>category</c>, <c>name</c>, <c>customer-name</c>.
    /// </summary>
    /// <value>Defaults to none.</value>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Column names of the customers file by field (the tool's <c>--map customers.FIELD=COLUMN</c>). Fields
    /// (<see cref="ColumnFields.Customers"/>): <c>id</c>, <c>segment</c>, <c>signup</c>, <c>name</c>.</summary>
    /// <value>Defaults to none: the loader's accepted names (<see cref="CustomerAnalytics.Loading.CustomerColumns.Default"/>).</value>
    public IReadOnlyDictionary<string, string> CustomerColumns { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Column names of the products file by field (the tool's <c>--map products.FIELD=COLUMN</c>). Fields
    /// (<see cref="ColumnFields.Products"/>): <c>id</c>, <c>category</c>, <c>price</c>, <c>name</c>.</summary>
    /// <value>Defaults to none: the loader's accepted names (<see cref="CustomerAnalytics.Loading.ProductColumns.Default"/>).</value>
    public IReadOnlyDictionary<string, string> ProductColumns { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The time zone of timestamps written without an offset, and of date-only values: an IANA or Windows id
    /// such as <c>UTC</c> or <c>America/New_York</c> (<c>--time-zone</c>).</summary>
    /// <value>Defaults to <c>UTC</c>.</value>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>The CSV field separator: one character, <c>tab</c>, or <c>auto</c> to detect among <c>, ; tab |</c> (<c>--separator</c>).</summary>
    /// <value>Defaults to <c>,</c>.</value>
    public string Separator { get; init; } = ",";

    /// <summary>The encoding of the input files by name or code page: <c>utf-8</c>, <c>latin1</c>, <c>windows-1252</c>, … (<c>--encoding</c>).</summary>
    /// <value>Defaults to <c>utf-8</c>.</value>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>Keeps the good rows and reports the bad ones instead of failing the load (<c>--lenient</c>); the join
    /// follows: in strict mode an unknown customer or product under <see cref="UnknownReferencePolicy.Reject"/> fails it.</summary>
    public bool Lenient { get; init; }

    /// <summary>Keeps lines without a customer id under one guest customer (<c>--keep-guest-lines</c>).</summary>
    public bool KeepGuestLines { get; init; }

    /// <summary>Keeps a negative unit price as an adjustment (<c>--allow-negative-prices</c>).</summary>
    public bool AllowNegativePrices { get; init; }

    /// <summary>Rounds amounts with more than this many decimal places (0 to 4), half away from zero (<c>--round-money</c>).</summary>
    /// <value>Defaults to <see langword="null"/>: money is kept exactly.</value>
    public int? RoundMoney { get; init; }

    /// <summary>A transaction whose customer is not in the customers file (<c>--unknown-customers</c>): <c>Reject</c> or <c>KeepAsUnknown</c>.</summary>
    /// <value>Defaults to <see cref="UnknownReferencePolicy.Reject"/>.</value>
    public UnknownReferencePolicy UnknownCustomers { get; init; } = UnknownReferencePolicy.Reject;

    /// <summary>A transaction whose product is not in the products file (<c>--unknown-products</c>): <c>Reject</c> or <c>KeepAsUnknown</c>.</summary>
    /// <value>Defaults to <see cref="UnknownReferencePolicy.Reject"/>.</value>
    public UnknownReferencePolicy UnknownProducts { get; init; } = UnknownReferencePolicy.Reject;

    /// <summary>How many problems a load lists per file (<c>--max-problems</c>).</summary>
    /// <value>Defaults to 100.</value>
    public int MaxProblems { get; init; } = 100;

    /// <summary>How often the model store reloads the data and refits the models on its own; a failed refresh keeps the
    /// serving model and shows in health until the next one succeeds.</summary>
    /// <value>Defaults to <see langword="null"/>: only at start-up and when <see cref="ModelStore.ReloadAsync"/> is called.</value>
    public TimeSpan? RefreshInterval { get; init; }

    /// <summary>The default strategy and the strategies' options.</summary>
    /// <value>Defaults to <see cref="CustomerAnalyticsRecommenderOptions"/>' defaults.</value>
    public CustomerAnalyticsRecommenderOptions Recommender { get; init; } = new();

    /// <summary>The tool's per-run settings of <c>run</c> (<c>--top</c>, <c>--count</c>, <c>--currency</c>,
    /// <c>--memory-check</c>, <c>--memory-limit</c>, <c>--no-events</c>, <c>--no-dashboard</c>); a service ignores them.</summary>
    /// <value>Defaults to <see cref="CustomerAnalyticsRunOptions"/>' defaults.</value>
    public CustomerAnalyticsRunOptions Run { get; init; } = new();

    /// <summary>
    /// A model saved by <c>customer-analytics fit --save</c> or <c>RecommenderModelFile.SaveFile</c> (<c>docs/saved-models.md</c>):
    /// every load reads it and serves it under its strategy name instead of fitting that strategy, so start-up skips
    /// the fit; the data is still loaded for the other strategies, the KPIs and the account. Replace the file and
    /// reload to serve a new one. Relative paths are relative to the host's content root.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: every strategy is fitted from the data.</value>
    public string? SavedModelPath { get; init; }

    /// <summary>What a load does when <see cref="SavedModelPath"/> cannot be read.</summary>
    /// <value>Defaults to <see cref="Hosting.SavedModelFallback.Fail"/>.</value>
    public SavedModelFallback SavedModelFallback { get; init; } = SavedModelFallback.Fail;

    /// <summary>What health reports and load errors may show.</summary>
    /// <value>Defaults to file names only, no raw values.</value>
    public CustomerAnalyticsDiagnosticsOptions Diagnostics { get; init; } = new();

    /// <summary>
    /// The options a configuration section holds (the <c>CustomerAnalytics</c> section of <c>appsettings.json</c> or of
    /// the tool's <c>customer-analytics.json</c>) over the defaults, checked: an unknown key is an error too.
    /// </summary>
    /// <param name="section">The section, usually <c>configuration.GetSection(CustomerAnalyticsOptions.SectionName)</c>.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">A setting is invalid; the message names every bad key (<c>CustomerAnalytics:RoundMoney</c>).</exception>
    /// <exception cref="InvalidOperationException">A key is not a setting, or a value cannot be converted to its setting's type.</exception>
    public static CustomerAnalyticsOptions FromConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new CustomerAnalyticsOptions();
        section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        var path = (section as IConfigurationSection)?.Path;
        var problems = options.Problems(string.IsNullOrEmpty(path) ? OptionKeys.Code : OptionKeys.Configuration(path));
        return problems.Count > 0 ? throw new ArgumentException(OptionKeys.Message(problems)) : options;
    }

    /// <summary>Checks the options, listing every invalid one by its property name.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var problems = Problems(OptionKeys.Code);
        if (problems.Count > 0)
        {
            throw new ArgumentException(OptionKeys.Message(problems));
        }
    }

    /// <summary>The library's load options these settings ask for (columns, separator, encoding, time zone, mode, …).</summary>
    /// <returns>Options for the loaders; raw values are kept out of diagnostics unless <see cref="CustomerAnalyticsDiagnosticsOptions.IncludeDetails"/> is on.</returns>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="Validate"/>).</exception>
    public LoadOptions ToLoadOptions()
    {
        Validate();
        return FileLoadOptions.Load(this);
    }

    /// <summary>The join's options these settings ask for: the unknown-reference policies, strict unless <see cref="Lenient"/>.</summary>
    /// <returns>Options for <see cref="EnrichedDatasetBuilder"/>.</returns>
    public EnrichmentOptions ToEnrichmentOptions() => FileLoadOptions.Enrichment(this);

    /// <summary>Every problem, each naming its setting by <paramref name="key"/> (a configuration key or a property path).</summary>
    internal List<string> Problems(OptionKeys key)
    {
        var problems = new List<string>();
        if (OrderLinesPreset is not ("default" or "online-retail"))
        {
            problems.Add($"{key[nameof(OrderLinesPreset)]} must be 'default' or 'online-retail' (was '{OrderLinesPreset}')");
        }

        problems.AddRange(ColumnMap.Problems(Columns, ColumnMap.Transactions, f => key[nameof(Columns), f]));
        problems.AddRange(ColumnMap.Problems(CustomerColumns, ColumnMap.Customers, f => key[nameof(CustomerColumns), f]));
        problems.AddRange(ColumnMap.Problems(ProductColumns, ColumnMap.Products, f => key[nameof(ProductColumns), f]));
        if (FileLoadOptions.TimeZoneOf(TimeZone) is null)
        {
            problems.Add($"{key[nameof(TimeZone)]} must be an IANA or Windows time zone id such as UTC or America/New_York (was '{TimeZone}')");
        }

        if (!FileLoadOptions.IsSeparator(Separator))
        {
            problems.Add($"{key[nameof(Separator)]} must be one character, 'tab' or 'auto' (was '{Separator}')");
        }

        if (FileLoadOptions.EncodingProblem(Encoding) is { } encoding)
        {
            problems.Add($"{key[nameof(Encoding)]} {encoding}");
        }

        if (RoundMoney is < 0 or > 4)
        {
            problems.Add($"{key[nameof(RoundMoney)]} must be from 0 to 4 (was {RoundMoney})");
        }

        if (MaxProblems < 1)
        {
            problems.Add($"{key[nameof(MaxProblems)]} must be at least 1 (was {MaxProblems})");
        }

        if (RefreshInterval is { } interval && interval < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{key[nameof(RefreshInterval)]} must be at least 00:00:01, or unset for no scheduled refresh (was {interval:c})");
        }

        problems.AddRange(RecommenderProblems(key));
        problems.AddRange(Run is null ? [$"{key[nameof(Run)]} must not be null"] : Run.Problems(p => key[nameof(Run), p]));

        if (SavedModelPath is not null && string.IsNullOrWhiteSpace(SavedModelPath))
        {
            problems.Add($"{key[nameof(SavedModelPath)]} must name a file, or be unset to fit every strategy");
        }

        if (!Enum.IsDefined(SavedModelFallback))
        {
            problems.Add($"{key[nameof(SavedModelFallback)]} must be 'Fail' or 'Fit' (was {(int)SavedModelFallback})");
        }

        if (Diagnostics is null)
        {
            problems.Add($"{key[nameof(Diagnostics)]} must not be null");
        }

        return problems;
    }

    private IEnumerable<string> RecommenderProblems(OptionKeys key)
    {
        if (Recommender is null)
        {
            yield return $"{key[nameof(Recommender)]} must not be null";
            yield break;
        }

        string Key(string property) => key[nameof(Recommender), property];
        if (string.IsNullOrWhiteSpace(Recommender.Strategy))
        {
            yield return $"{Key(nameof(Recommender.Strategy))} must name a strategy";
        }

        if (Recommender.MinimumSupport < 1)
        {
            yield return $"{Key(nameof(Recommender.MinimumSupport))} must be at least 1 (was {Recommender.MinimumSupport})";
        }

        if (!Enum.IsDefined(Recommender.Similarity))
        {
            yield return $"{Key(nameof(Recommender.Similarity))} must be Jaccard, Cosine, Lift or Cooccurrence (was {(int)Recommender.Similarity})";
        }

        if (Recommender.HalfLifeDays is { } days && !(double.IsFinite(days) && days > 0))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{Key(nameof(Recommender.HalfLifeDays))} must be positive, or unset for no time decay (was {days})");
        }

        foreach (var problem in Recommender.StrategyListProblems(Key).Concat(Recommender.ModelProblems(Key)))
        {
            yield return problem;
        }
    }
}
