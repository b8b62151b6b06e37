using System.ComponentModel;
using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Kpis;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerAnalytics.Cli.Commands;

/// <summary>Options of <c>kpis</c>.</summary>
internal sealed class KpisSettings : DataSettings
{
    [CommandOption("--top <N>")]
    [Description("How many top products to list.")]
    [DefaultValue(10)]
    public int Top { get; init; } = 10;

    [CommandOption("--engine <ENGINE>")]
    [Description("Compute the KPIs in a database instead of loading files: duckdb or postgres (tables customers, products, transactions).")]
    public string? Engine { get; init; }

    [CommandOption("--connection <STRING>")]
    [Description("The --engine's connection string (DuckDB: \"Data Source=shop.duckdb\"; PostgreSQL: an Npgsql connection string).")]
    public string? Connection { get; init; }

    public override ValidationResult Validate() =>
        Top < 1 ? ValidationResult.Error($"--top must be at least 1 (was {Top}).")
        : Engine is not null || Connection is not null ? EngineKpis.Validate(this)
        : base.Validate();
}

/// <summary><c>kpis</c>: the headline figures, revenue by segment and by category, and the top products.</summary>
internal sealed class KpisCommand : DataCommand<KpisSettings>
{
    public override int Execute(CommandContext context, KpisSettings settings, CancellationToken cancellationToken) =>
        settings.Engine is null ? base.Execute(context, settings, cancellationToken) : EngineKpis.Run((CliConsoles)context.Data!, settings, cancellationToken);

    protected override int Execute(CliConsoles consoles, KpisSettings settings, LoadedData data, CancellationToken cancellationToken)
    {
        var dataset = data.Dataset;
        var overall = KpiCalculator.Overall(dataset);
        var console = consoles.Out;
        console.Write(Tables.Overall(overall));
        console.Write(Tables.Groups("Segment", KpiCalculator.BySegment(dataset)));
        console.Write(Tables.Groups("Category", KpiCalculator.ByCategory(dataset)));
        console.Write(Tables.Products(KpiCalculator.TopProducts(dataset, settings.Top)));
        return ExitCodes.Success;
    }
}
