using System.Globalization;
using CustomerAnalytics.Cli.Commands;
using CustomerAnalytics.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerAnalytics.Cli;

/// <summary>The <c>customer-analytics</c> command line: commands, help with examples, and error handling that turns
/// user errors into a message and an exit code (never a stack trace).</summary>
internal static class CliApp
{
    /// <summary>The tool's version without build metadata (<c>0.1.0</c>, not <c>0.1.0+sha</c>).</summary>
    public static string Version { get; } =
        (typeof(CliApp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>Runs the tool with results written to <paramref name="output"/> and errors to standard error.</summary>
    public static Task<int> RunAsync(string[] args, IAnsiConsole output, CancellationToken cancellationToken) =>
        RunAsync(args, new CliConsoles(output, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })), cancellationToken);

    /// <summary>Runs the tool with the given consoles (tests pass recording ones).</summary>
    public static async Task<int> RunAsync(string[] args, CliConsoles consoles, CancellationToken cancellationToken)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("customer-analytics");
            config.SetApplicationVersion(Version);
            config.SetApplicationCulture(CultureInfo.InvariantCulture);
            config.ConfigureConsole(consoles.Out);
            config.UseStrictParsing();
            config.CancellationExitCode(ExitCodes.Cancelled);
            config.SetExceptionHandler((exception, _) => Report(consoles.Error, exception));
            config.AddExample("run", "--data", "samples/data", "--output", "out");
            config.AddExample("kpis", "--order-lines", "online_retail.csv.gz", "--preset", "online-retail", "--lenient");
            config.AddExample("recommend", "--data", "samples/data", "--customer", "C001", "--count", "5");

            config.AddCommand<RunCommand>("run")
                .WithData(consoles)
                .WithDescription("Load, enrich, compute KPIs, recommend for every customer, and write all artifacts plus dashboard.html.")
                .WithExample("run", "--data", "samples/data", "--output", "out")
                .WithExample("run", "--order-lines", "online_retail.csv.gz", "--preset", "online-retail", "--lenient", "--output", "out/retail")
                .WithExample("run", "--customers", "c.json", "--products", "p.csv", "--transactions", "t.csv.gz", "--output", "out", "--strategy", "popularity", "--quiet");
            config.AddCommand<KpisCommand>("kpis")
                .WithData(consoles)
                .WithDescription("Show the headline figures, revenue by segment and category, and the top products.")
                .WithExample("kpis", "--data", "samples/data")
                .WithExample("kpis", "--order-lines", "online_retail.csv.gz", "--preset", "online-retail", "--lenient", "--top", "20")
                .WithExample("kpis", "--order-lines", "sales.csv", "--map", "customer=client", "--map", "product=sku", "--map", "timestamp=sold_at");
            config.AddCommand<RecommendCommand>("recommend")
                .WithData(consoles)
                .WithDescription("Recommend products for one customer, with scores and reasons.")
                .WithExample("recommend", "--data", "samples/data", "--customer", "C001")
                .WithExample("recommend", "--data", "samples/data", "--customer", "C004", "--count", "3", "--strategy", "popularity")
                .WithExample("recommend", "--model", "model.cam", "--customer", "C001");
            config.AddCommand<FitCommand>("fit")
                .WithData(consoles)
                .WithDescription("Fit one strategy on the data and save the model (docs/saved-models.md), for recommend --model or a service.")
                .WithExample("fit", "--data", "samples/data", "--strategy", "item-cooccurrence", "--save", "model.cam");
            config.AddCommand<RelatedCommand>("related")
                .WithData(consoles)
                .WithDescription("List products bought by the customers who bought a product (item co-occurrence).")
                .WithExample("related", "--data", "samples/data", "--product", "P100");
            config.AddCommand<EvaluateCommand>("evaluate")
                .WithData(consoles)
                .WithDescription("Compare the strategies on a held-out truth: precision, recall, NDCG, MAP, hit rate and MRR at k.")
                .WithExample("evaluate", "--data", "samples/data")
                .WithExample("evaluate", "--order-lines", "online_retail.csv.gz", "--preset", "online-retail", "--lenient", "--split", "time", "--cutoff", "2011-09-01");
        });

        try
        {
            if (args.Length == 0)
            {
                // Help, but not success: a script that forgot its arguments must not carry on.
                await app.RunAsync(["--help"], cancellationToken).ConfigureAwait(false);
                consoles.Error.MarkupLine("[red]error:[/] no command given: name one of the commands listed above.");
                return ExitCodes.UsageError;
            }

            return await app.RunAsync(args, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            consoles.Error.MarkupLine("[yellow]Cancelled.[/]");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>Prints an error without a stack trace and returns its exit code.</summary>
    internal static int Report(IAnsiConsole error, Exception exception)
    {
        switch (exception)
        {
            case CliException cli:
                Print(error, cli.Message);
                return cli.ExitCode;
            case CommandAppException usage:
                Print(error, usage.Message);
                error.MarkupLine("Run [green]customer-analytics --help[/] (or [green]customer-analytics COMMAND --help[/]) for the options and examples.");
                return ExitCodes.UsageError;
            case OperationCanceledException:
                error.MarkupLine("[yellow]Cancelled.[/]");
                return ExitCodes.Cancelled;
            case IOException or UnauthorizedAccessException:
                Print(error, exception.Message);
                return ExitCodes.DataError;
            default:
                Print(error, $"Unexpected error ({exception.GetType().Name}): {exception.Message} This is a bug; please report it.");
                return ExitCodes.InternalError;
        }
    }

    private static void Print(IAnsiConsole error, string message) =>
        error.MarkupLine("[red]error:[/] " + Markup.Escape(message));
}
