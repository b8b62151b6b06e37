using System.ComponentModel;
using System.Globalization;
using System.Text;
using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Pipeline;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerAnalytics.Cli.Commands;

/// <summary>Options of <c>run</c>.</summary>
internal sealed class RunSettings : DataSettings
{
    [CommandOption("-o|--output <DIR>")]
    [Description("Folder to write the artifacts and dashboard.html to, as one set that replaces an earlier run's (created if needed; must not hold an input file).")]
    public string? Output { get; init; }

    [CommandOption("--top <N>")]
    [Description("How many products top_products.csv and the dashboard list (default 10; setting Run:Top).")]
    public int? Top { get; init; }

    [CommandOption("-s|--strategy <NAME>")]
    [Description("The strategy that recommends for every customer (see recommend --help); default from --config, else [green]item-cooccurrence[/] (minimum support 3, see docs/recommender-quality.md).")]
    public string? Strategy { get; init; }

    [CommandOption("-n|--count <N>")]
    [Description("How many products to recommend to each customer (default 5; setting Run:Count).")]
    public int? Count { get; init; }

    [CommandOption("--currency <CODE>")]
    [Description("The currency of the dashboard's amounts: an ISO 4217 code (GBP, USD, EUR, JPY… are shown as £, $, €, ¥) or a symbol.")]
    public string? Currency { get; init; }

    [CommandOption("--no-dashboard")]
    [Description("Do not write dashboard.html (setting Run:WriteDashboard false).")]
    public bool? NoDashboard { get; init; }

    [CommandOption("--no-events")]
    [Description("Do not write events_enriched.csv (one row per transaction, the largest file); the manifest says it was skipped (setting Run:WriteEvents false).")]
    public bool? NoEvents { get; init; }

    [CommandOption("--memory-check <MODE>")]
    [Description("Before reading, estimate the run's peak memory from the inputs' sizes: [green]fail[/] (exit 4 when it exceeds the memory available), warn, or off. See docs/memory.md (setting Run:MemoryCheck).")]
    public string? MemoryCheck { get; init; }

    [CommandOption("--memory-limit <SIZE>")]
    [Description("The memory the run may use, for --memory-check: 8G, 8GB, 512MiB (units of 1024); default what the machine or container allows (setting Run:MemoryLimit).")]
    public string? MemoryLimit { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Output))
        {
            return ValidationResult.Error("--output is required: the folder to write the artifacts to.");
        }

        if (Top < 1 || Count < 1)
        {
            return ValidationResult.Error($"--top and --count must be at least 1 (were {Top ?? 10} and {Count ?? 5}).");
        }

        if (MemoryCheck is not null && !MemoryGate.Modes.Contains(MemoryCheck))
        {
            return ValidationResult.Error($"--memory-check '{MemoryCheck}' is not a mode; one of: {string.Join(", ", MemoryGate.Modes)}.");
        }

        if (MemoryLimit is not null && MemoryGate.ParseSize(MemoryLimit) is null)
        {
            return ValidationResult.Error($"--memory-limit '{MemoryLimit}' is not a size: give a number of bytes with K, M, G or T (units of 1024), such as 8G or 512MB.");
        }

        if (Currency is not null && !DashboardCurrency.IsValid(Currency))
        {
            return ValidationResult.Error($"--currency '{Currency}' is not a currency: give an ISO 4217 code such as GBP, or a symbol of 1 to 8 characters such as £.");
        }

        return Strategy is null || Strategies.Exists(Strategy)
            ? base.Validate()
            : ValidationResult.Error($"Unknown --strategy '{Strategy}'; one of: {string.Join(", ", Strategies.Names)}.");
    }
}

/// <summary>Checks <c>--currency</c> against the dashboard's own rule (<see cref="DashboardOptions.Currency"/>).</summary>
internal static class DashboardCurrency
{
    public static bool IsValid(string currency)
    {
        try
        {
            (DashboardOptions.Default with { Currency = currency }).Validate();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>
/// <c>run</c>: the whole job through <see cref="AnalyticsPipeline"/> — load, enrich, KPIs, global lists,
/// recommendations for every customer — then every artifact, the manifest and <c>dashboard.html</c>.
/// </summary>
internal sealed class RunCommand : Command<RunSettings>
{
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var consoles = (CliConsoles)context.Data!;
        var output = Path.GetFullPath(settings.Output!);
        var plan = DataInputs.CheckedPlan(settings);
        var run = RunFlags.Over(settings);
        RefuseOutputHoldingAnInput(output, plan);
        string? PathOf(string role) => plan.Where(p => p.Role == role).Select(p => p.Path).FirstOrDefault();
        var options = new PipelineOptions
        {
            CustomersPath = PathOf("customers"),
            ProductsPath = PathOf("products"),
            TransactionsPath = PathOf("transactions"),
            OrderLinesPath = PathOf("order-lines"),
            Load = DataInputs.OptionsFrom(settings),
            Enrichment = JoinPolicies.OptionsFrom(settings),
            TopProductsCount = run.Top,
            Recommender = Strategies.Create(Strategies.NameFor(settings.Strategy, settings), settings),
            Recommendations = RecommendationRequest.Default with { Count = run.Count },
            IncludeEnrichedEvents = run.WriteEvents,
            MemoryLimit = run.MemoryLimitBytes(),
        };
        MemoryGate.Check(options, run.MemoryCheck, consoles.Error, settings.MemoryLimit is null && run.MemoryLimit is not null ? "CustomerAnalytics:Run:MemoryLimit" : "--memory-limit");
        // The tool made the check in its own words; the pipeline need not repeat it.
        options = options with { MemoryCheck = MemoryCheck.Off };

        var totalBytes = plan.Sum(p => new FileInfo(p.Path).Length);
        AnalyticsRun result;
        TimeSpan loading = default;
        TimeSpan writingTime = default;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            result = Stages.Run(consoles.Out, settings.Quiet, stages =>
            {
                var progress = new StageProgress(stages, totalBytes);
                // The loaders report the bytes they read, so the load stage shows a real bar and transfer rate (and a large
                // transactions file is still read on every core, which a stream wrapped by OpenRead would not be).
                var counted = options with { Load = options.Load with { ReadProgress = new BytesRead(progress.Advance) } };
                var done = AnalyticsPipeline.RunAsync(counted, progress, cancellationToken).GetAwaiter().GetResult();
                loading = progress.LoadingTime;
                var writing = stages.Begin("write artifacts", null);
                // The dashboard is part of the run's set: written beside the other files, listed in the manifest, moved in with them.
                ArtifactFile[] dashboard = run.WriteDashboard ? [new ArtifactFile(DashboardWriter.DefaultFileName, s => WriteDashboard(s, done, run.Currency))] : [];
                var manifest = done.WriteArtifacts(output, dashboard);
                writingTime = writing.Elapsed;
                writing.Complete(string.Create(CultureInfo.InvariantCulture, $"{manifest.Files.Length + 1} files, {writing.Elapsed.TotalSeconds:0.00} s"));
                return done;
            });
        }
        catch (DataLoadException ex)
        {
            // An earlier run's folder is one set with its manifest: the failed load's listing goes beside it, not into it.
            var earlierRun = File.Exists(Path.Combine(output, "manifest.json"));
            var path = earlierRun ? output + ".rejected_rows.csv" : Path.Combine(output, "rejected_rows.csv");
            var written = DataInputs.WriteRejected(path, ex.Diagnostics.Select(JoinPolicies.ForTool).Select(RejectedRow.FromDiagnostic));
            var left = earlierRun ? $" (the earlier run's artifacts in {output} were left as they were)" : string.Empty;
            throw new CliException(JoinPolicies.ForTool(LoadMessages.For(ex, settings)) + (written is null ? string.Empty : $"\nRejected rows written to {written}{left}."), ExitCodes.DataError);
        }

        if (!settings.Quiet)
        {
            Summarize(consoles.Out, result, loading, output, !run.WriteDashboard);
            consoles.Out.Write(RunStageTable.Create(result.Timings, writingTime, System.Diagnostics.Stopwatch.GetElapsedTime(started)));
        }

        return ExitCodes.Success;
    }

    /// <summary>The run replaces the whole output folder: refuse one that holds an input, before loading anything.</summary>
    private static void RefuseOutputHoldingAnInput(string output, IEnumerable<(string Role, string Path)> plan)
    {
        var folder = Path.TrimEndingDirectorySeparator(output) + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var (role, path) in plan)
        {
            if (Path.GetFullPath(path).StartsWith(folder, comparison))
            {
                throw new CliException(
                    $"--output {output} holds the {role} file {Path.GetFullPath(path)}; run replaces the whole output folder, which would delete it. Choose another folder with -o.",
                    ExitCodes.UsageError);
            }
        }
    }

    private static void WriteDashboard(Stream stream, AnalyticsRun run, string? currency) =>
        stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(
            DashboardWriter.Render(DashboardDocument.FromRun(run, DashboardOptions.Default with { Currency = currency }))));

    private static void Summarize(IAnsiConsole console, AnalyticsRun run, TimeSpan loading, string output, bool noDashboard)
    {
        var rowsRead = run.Inputs.Sum(i => i.Report.RowsRead);
        console.Write(AccountTable.Create(run));
        console.Write(Tables.Create(
            "Run",
            ["Measure", "Value"],
            [false, true],
            [
                ["Load speed (all files, rows/s)", Stages.Rate(rowsRead, loading)],
                ["Rows rejected by the loaders", Formats.Count(run.Inputs.Sum(i => i.Report.RowsRejected))],
                .. KeptWithWarning(run),
                ["Transactions left out by the join", Formats.Count(run.Dataset.Report.TransactionsRejected)],
                ["Transactions kept", Formats.Count(run.Dataset.TransactionCount)],
                ["Rows listed in rejected_rows.csv", Formats.Count(run.RejectedRows.Length)],
                ["Customers", Formats.Count(run.Overall.Customers)],
                ["Orders", Formats.Count(run.Overall.Orders)],
                ["Revenue", Formats.Money(run.Overall.Revenue)],
                ["Average order value", Formats.Money(run.Overall.AverageOrderValue)],
                ["Customers with recommendations", Formats.Count(run.Recommendations.Count(r => r.Items.Length > 0))],
                ["Strategy", run.Model.StrategyName],
            ]));
        foreach (var warning in run.Inputs.SelectMany(i => i.Report.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Warning))
        {
            console.MarkupLine("[yellow]" + Markup.Escape(warning.ToString()) + "[/]");
        }

        console.MarkupLine($"Artifacts written to [green]{Markup.Escape(output)}[/]" + (noDashboard ? string.Empty : $"; open [green]{Markup.Escape(Path.Combine(output, DashboardWriter.DefaultFileName))}[/] in a browser."));
    }

    /// <summary>The rows of the summary for lines kept on a flag's say-so (shown when there are any), as the manifest's account counts them.</summary>
    private static IEnumerable<string[]> KeptWithWarning(AnalyticsRun run)
    {
        var kept = new (string Label, long Count)[]
        {
            ("Guest lines kept (--keep-guest-lines)", run.Account.Inputs.Sum(i => i.GuestLines)),
            ("Negative prices kept as adjustments", run.Account.Inputs.Sum(i => i.NegativePricesKept)),
            ("Amounts rounded (--round-money)", run.Account.Inputs.Sum(i => i.MoneyValuesRounded)),
        };
        return kept.Where(k => k.Count > 0).Select(k => new[] { k.Label, Formats.Count(k.Count) });
    }

    /// <summary>Shows each pipeline stage as it starts and completes the previous one (called on the pipeline's thread).</summary>
    private sealed class StageProgress(Stages stages, long totalBytes) : IProgress<PipelineStage>
    {
        private Stages.Stage? _current;
        private PipelineStage _currentStage;

        public TimeSpan LoadingTime { get; private set; }

        /// <summary>Bytes read by a loader (called from the loading threads while the load stage runs).</summary>
        public void Advance(long bytes)
        {
            if (_currentStage == PipelineStage.Loading)
            {
                _current?.Advance(bytes);
            }
        }

        public void Report(PipelineStage value)
        {
            if (_current is not null)
            {
                var elapsed = _current.Elapsed;
                if (_currentStage == PipelineStage.Loading)
                {
                    LoadingTime = elapsed;
                }

                _current.Complete(string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.00} s"));
            }

            _currentStage = value;
            _current = value == PipelineStage.Done ? null : stages.Begin(Name(value), value == PipelineStage.Loading ? totalBytes : null);
        }

        private static string Name(PipelineStage stage) => stage switch
        {
            PipelineStage.Loading => "load",
            PipelineStage.Enriching => "enrich",
            PipelineStage.Measuring => "KPIs and global lists",
            PipelineStage.Recommending => "recommend for every customer",
            _ => stage.ToString(),
        };
    }
}
