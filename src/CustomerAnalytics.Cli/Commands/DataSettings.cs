using System.ComponentModel;
using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerAnalytics.Cli.Commands;

/// <summary>Where the data comes from and how it is read: the options every command shares. Each flag has a setting
/// of <see cref="CustomerAnalyticsOptions"/> (read from <c>--config FILE</c>); a flag given wins over the file, so the
/// flags that have a default are nullable here and take it from the options.</summary>
internal class DataSettings : CommandSettings
{
    private CustomerAnalyticsOptions? _options;

    [CommandOption("--config <FILE>")]
    [Description("A [green]customer-analytics.json[/] file with the settings (the service's appsettings section: docs/config.md); flags given win over it.")]
    public string? ConfigPath { get; init; }

    [CommandOption("-d|--data <DIR>")]
    [Description("Folder holding [green]customers.csv[/], [green]products.csv[/] and [green]transactions.csv[/] (any file given by its own option wins).")]
    public string? DataDirectory { get; init; }

    [CommandOption("--customers <FILE>")]
    [Description("Customers file: CSV, JSON or JSON Lines, optionally .gz.")]
    public string? CustomersPath { get; init; }

    [CommandOption("--products <FILE>")]
    [Description("Products file.")]
    public string? ProductsPath { get; init; }

    [CommandOption("--transactions <FILE>")]
    [Description("Transactions file.")]
    public string? TransactionsPath { get; init; }

    [CommandOption("--order-lines <FILE>")]
    [Description("One flat order-lines file instead of the three files (customers and products are taken from its columns).")]
    public string? OrderLinesPath { get; init; }

    [CommandOption("--preset <NAME>")]
    [Description("Column names of a known order-lines layout: [green]default[/] (the default) or [green]online-retail[/] (UCI Online Retail).")]
    public string? Preset { get; init; }

    [CommandOption("--map <[FILE.]FIELD=COLUMN>")]
    [Description("Maps a field to a column name, repeatable; overrides the preset. FILE is [green]customers[/] (fields id, segment, signup, name), [green]products[/] (id, category, price, name) or [green]transactions[/] (the default; also the order-lines file: id, customer, product, quantity, timestamp, price, order, total, segment, category, name, customer-name).")]
    public string[] ColumnMappings { get; init; } = [];

    [CommandOption("--separator <CHAR>")]
    [Description("CSV field separator ([green]auto[/] to detect among , ; tab |); default [green],[/].")]
    public string? Separator { get; init; }

    [CommandOption("--encoding <NAME>")]
    [Description("Character encoding of the input files: [green]utf-8[/] (the default), [green]latin1[/], [green]windows-1252[/], [green]utf-16[/] or another name or code page.")]
    public string? Encoding { get; init; }

    [CommandOption("--time-zone <ID>")]
    [Description("Time zone of timestamps without an offset and of dates: an IANA or Windows id such as [green]America/New_York[/]; default [green]UTC[/].")]
    public string? TimeZone { get; init; }

    [CommandOption("--lenient")]
    [Description("Keep the good rows and report the bad ones, instead of stopping at the first file with problems.")]
    public bool? Lenient { get; init; }

    [CommandOption("--keep-guest-lines")]
    [Description("Keep lines without a customer id under one guest customer (segment Guest): in the totals, not in the per-customer analyses.")]
    public bool? KeepGuestLines { get; init; }

    [CommandOption("--allow-negative-prices")]
    [Description("Keep a negative unit price as an adjustment (such as a bad-debt write-off), included in revenue and reported.")]
    public bool? AllowNegativePrices { get; init; }

    [CommandOption("--round-money <N>")]
    [Description("Round amounts with more than N decimal places (0 to 4) half away from zero, and report each; by default money is kept exactly.")]
    public int? RoundMoney { get; init; }

    [CommandOption("--unknown-customers <POLICY>")]
    [Description("A transaction whose customer is not in the customers file: [green]reject[/] (the default: an error; with --lenient left out and listed in rejected_rows.csv) or [green]keep[/] (kept under the 'Unknown' segment).")]
    public string? UnknownCustomers { get; init; }

    [CommandOption("--unknown-products <POLICY>")]
    [Description("A transaction whose product is not in the products file: [green]reject[/] (the default) or [green]keep[/] (kept under the 'Unknown' category; a line without its own price is still left out for having none).")]
    public string? UnknownProducts { get; init; }

    [CommandOption("--max-problems <N>")]
    [Description("How many problems to list per file (default 100).")]
    public int? MaxProblems { get; init; }

    [CommandOption("--min-support <N>")]
    [Description("Item co-occurrence (recommend, run, evaluate, related): ignore product pairs bought together by fewer than N customers (default 3).")]
    public int? MinimumSupport { get; init; }

    [CommandOption("--similarity <NAME>")]
    [Description("Item co-occurrence: [green]jaccard[/] (the default), [green]cosine[/], [green]lift[/] or [green]cooccurrence[/] (raw counts).")]
    public string? Similarity { get; init; }

    [CommandOption("--half-life-days <DAYS>")]
    [Description("Item co-occurrence: halve a purchase's weight every DAYS days before the latest purchase (default: no decay).")]
    public double? HalfLifeDays { get; init; }

    [CommandOption("--lambda <L>")]
    [Description("EASE (--strategy ease): the L2 penalty λ added to XᵀX's diagonal (default 500).")]
    public double? Lambda { get; init; }

    [CommandOption("--als-factors <N>")]
    [Description("ALS (--strategy als): latent factors per customer and product, 1 to 1024 (default 100).")]
    public int? AlsFactors { get; init; }

    [CommandOption("--als-iterations <N>")]
    [Description("ALS: alternating sweeps, 1 to 1000 (default 15).")]
    public int? AlsIterations { get; init; }

    [CommandOption("--als-regularization <R>")]
    [Description("ALS: the L2 penalty on the factors (default 0.01).")]
    public double? AlsRegularization { get; init; }

    [CommandOption("--als-alpha <A>")]
    [Description("ALS: α of the confidence 1 + α · units (default 1).")]
    public double? AlsAlpha { get; init; }

    [CommandOption("--rejected <FILE>")]
    [Description("Where to write the rejected rows (rejected_rows.csv schema) when there are any.")]
    public string? RejectedPath { get; init; }

    [CommandOption("-q|--quiet")]
    [Description("No progress and no decorations: only results and errors (for scripts).")]
    public bool Quiet { get; init; }

    /// <summary>The settings these flags and the <c>--config</c> file ask for, the flags winning; read once.</summary>
    /// <exception cref="CliException">The file cannot be read, or a setting in it or a flag is invalid.</exception>
    public CustomerAnalyticsOptions Options => _options ??= ToolOptions.From(this);

    public override ValidationResult Validate()
    {
        var hasFiles = DataDirectory is not null || CustomersPath is not null || ProductsPath is not null || TransactionsPath is not null;
        if (OrderLinesPath is not null && hasFiles)
        {
            return ValidationResult.Error("Give either --order-lines or the three files (--data, --customers, --products, --transactions), not both.");
        }

        if (ConfigPath is null && OrderLinesPath is null && DataDirectory is null && (CustomersPath is null || ProductsPath is null || TransactionsPath is null))
        {
            return ValidationResult.Error(ToolOptions.NoData);
        }

        if (RoundMoney is < 0 or > 4)
        {
            return ValidationResult.Error($"--round-money must be from 0 to 4 (was {RoundMoney}).");
        }

        if ((UnknownCustomers is not null && !JoinPolicies.IsName(UnknownCustomers)) || (UnknownProducts is not null && !JoinPolicies.IsName(UnknownProducts)))
        {
            return ValidationResult.Error($"--unknown-customers and --unknown-products must be one of {JoinPolicies.Names} (were '{UnknownCustomers ?? "reject"}' and '{UnknownProducts ?? "reject"}').");
        }

        if (MaxProblems < 1)
        {
            return ValidationResult.Error($"--max-problems must be at least 1 (was {MaxProblems}).");
        }

        if (MinimumSupport is < 1)
        {
            return ValidationResult.Error($"--min-support must be at least 1 (was {MinimumSupport}).");
        }

        if (HalfLifeDays is { } days && !(double.IsFinite(days) && days > 0))
        {
            return ValidationResult.Error(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--half-life-days must be positive (was {days})."));
        }

        if (ModelFlagProblem() is { } problem)
        {
            return ValidationResult.Error(problem);
        }

        if (Similarity is not null && !ToolOptions.Similarities.ContainsKey(Similarity))
        {
            return ValidationResult.Error($"--similarity must be one of {string.Join(", ", ToolOptions.Similarities.Keys)} (was '{Similarity}').");
        }

        if (Separator is not null && Separator != "auto" && (Separator.Length != 1 && Separator != "\\t" && Separator != "tab"))
        {
            return ValidationResult.Error($"--separator must be one character, 'tab' or 'auto' (was '{Separator}').");
        }

        return ValidationResult.Success();
    }

    /// <summary>The first invalid EASE or ALS flag, said by its flag, or null.</summary>
    private string? ModelFlagProblem()
    {
        var given = new Hosting.CustomerAnalyticsRecommenderOptions() with
        {
            Lambda = Lambda ?? 500,
            AlsFactors = AlsFactors ?? 100,
            AlsIterations = AlsIterations ?? 15,
            AlsRegularization = AlsRegularization ?? 0.01,
            AlsAlpha = AlsAlpha ?? 1,
        };
        return given.ModelProblems(Flag).FirstOrDefault() is { } problem ? problem + "." : null;
    }

    private static string Flag(string option) => option switch
    {
        "Lambda" => "--lambda",
        "AlsFactors" => "--als-factors",
        "AlsIterations" => "--als-iterations",
        "AlsRegularization" => "--als-regularization",
        _ => "--als-alpha",
    };
}
