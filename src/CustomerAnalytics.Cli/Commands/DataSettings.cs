using System.ComponentModel;
using CustomerAnalytics.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerAnalytics.Cli.Commands;

/// <summary>Where the data comes from and how it is read: the options every command shares.</summary>
internal class DataSettings : CommandSettings
{
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
    [Description("Column names of a known order-lines layout: [green]default[/] or [green]online-retail[/] (UCI Online Retail).")]
    [DefaultValue("default")]
    public string Preset { get; init; } = "default";

    [CommandOption("--map <FIELD=COLUMN>")]
    [Description("Maps a field to a column name, repeatable; overrides the preset. Fields: id, customer, product, quantity, timestamp, price, order, total, segment, category, name, customer-name.")]
    public string[] ColumnMappings { get; init; } = [];

    [CommandOption("--separator <CHAR>")]
    [Description("CSV field separator ([green]auto[/] to detect among , ; tab |).")]
    [DefaultValue(",")]
    public string Separator { get; init; } = ",";

    [CommandOption("--encoding <NAME>")]
    [Description("Character encoding of the input files: [green]utf-8[/], [green]latin1[/], [green]windows-1252[/], [green]utf-16[/] or another name or code page.")]
    [DefaultValue("utf-8")]
    public string Encoding { get; init; } = "utf-8";

    [CommandOption("--lenient")]
    [Description("Keep the good rows and report the bad ones, instead of stopping at the first file with problems.")]
    public bool Lenient { get; init; }

    [CommandOption("--keep-guest-lines")]
    [Description("Keep lines without a customer id under one guest customer (segment Guest): in the totals, not in the per-customer analyses.")]
    public bool KeepGuestLines { get; init; }

    [CommandOption("--allow-negative-prices")]
    [Description("Keep a negative unit price as an adjustment (such as a bad-debt write-off), included in revenue and reported.")]
    public bool AllowNegativePrices { get; init; }

    [CommandOption("--round-money <N>")]
    [Description("Round amounts with more than N decimal places (0 to 4) half away from zero, and report each; by default money is kept exactly.")]
    public int? RoundMoney { get; init; }

    [CommandOption("--unknown-customers <POLICY>")]
    [Description("A transaction whose customer is not in the customers file: [green]reject[/] (an error; with --lenient left out and listed in rejected_rows.csv) or [green]keep[/] (kept under the 'Unknown' segment).")]
    [DefaultValue("reject")]
    public string UnknownCustomers { get; init; } = "reject";

    [CommandOption("--unknown-products <POLICY>")]
    [Description("A transaction whose product is not in the products file: [green]reject[/] or [green]keep[/] (kept under the 'Unknown' category; a line without its own price is still left out for having none).")]
    [DefaultValue("reject")]
    public string UnknownProducts { get; init; } = "reject";

    [CommandOption("--max-problems <N>")]
    [Description("How many problems to list per file.")]
    [DefaultValue(100)]
    public int MaxProblems { get; init; } = 100;

    [CommandOption("--rejected <FILE>")]
    [Description("Where to write the rejected rows (rejected_rows.csv schema) when there are any.")]
    public string? RejectedPath { get; init; }

    [CommandOption("-q|--quiet")]
    [Description("No progress and no decorations: only results and errors (for scripts).")]
    public bool Quiet { get; init; }

    public override ValidationResult Validate()
    {
        var hasFiles = DataDirectory is not null || CustomersPath is not null || ProductsPath is not null || TransactionsPath is not null;
        if (OrderLinesPath is not null && hasFiles)
        {
            return ValidationResult.Error("Give either --order-lines or the three files (--data, --customers, --products, --transactions), not both.");
        }

        if (OrderLinesPath is null && DataDirectory is null && (CustomersPath is null || ProductsPath is null || TransactionsPath is null))
        {
            return ValidationResult.Error("No data given: use --data DIR, or --customers, --products and --transactions, or --order-lines FILE.");
        }

        if (OrderLinesPath is null && (ColumnMappings.Length > 0 || Preset != "default"))
        {
            return ValidationResult.Error("--preset and --map apply to --order-lines only.");
        }

        if (RoundMoney is < 0 or > 4)
        {
            return ValidationResult.Error($"--round-money must be from 0 to 4 (was {RoundMoney}).");
        }

        if (!JoinPolicies.IsName(UnknownCustomers) || !JoinPolicies.IsName(UnknownProducts))
        {
            return ValidationResult.Error($"--unknown-customers and --unknown-products must be one of {JoinPolicies.Names} (were '{UnknownCustomers}' and '{UnknownProducts}').");
        }

        if (MaxProblems < 1)
        {
            return ValidationResult.Error($"--max-problems must be at least 1 (was {MaxProblems}).");
        }

        if (Separator != "auto" && (Separator.Length != 1 && Separator != "\\t" && Separator != "tab"))
        {
            return ValidationResult.Error($"--separator must be one character, 'tab' or 'auto' (was '{Separator}').");
        }

        return ValidationResult.Success();
    }
}
