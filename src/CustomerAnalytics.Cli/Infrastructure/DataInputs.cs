using System.Collections.Immutable;
using System.Globalization;
using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Cli.Commands;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using Spectre.Console;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>One input file as it was read.</summary>
/// <param name="Role"><c>customers</c>, <c>products</c>, <c>transactions</c> or <c>order-lines</c>.</param>
/// <param name="Path">The file.</param>
/// <param name="Bytes">Its size on disk.</param>
/// <param name="Report">What the loader read, kept and rejected.</param>
/// <param name="Elapsed">How long reading it took.</param>
internal sealed record InputFile(string Role, string Path, long Bytes, LoadReport Report, TimeSpan Elapsed);

/// <summary>The loaded data and how it was read.</summary>
internal sealed record LoadedData(EnrichedDataset Dataset, ImmutableArray<InputFile> Inputs, LoadOptions Options)
{
    /// <summary>Every row a loader rejected and every transaction the enrichment left out.</summary>
    public ImmutableArray<RejectedRow> RejectedRows =>
    [
        .. Inputs.SelectMany(i => i.Report.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Select(RejectedRow.FromDiagnostic),
        .. Dataset.Report.Issues.Select(RejectedRow.FromIssue),
    ];
}

/// <summary>Loads the data named by <see cref="DataSettings"/> with the library's loaders, showing progress.</summary>
internal static class DataInputs
{
    /// <summary>Loads and enriches. Bad input throws a <see cref="CliException"/> whose message names file, line and
    /// column; the rejected rows are written to <paramref name="rejectedPath"/> first.</summary>
    public static LoadedData Load(DataSettings settings, IAnsiConsole console, string? rejectedPath, CancellationToken cancellationToken)
    {
        var options = OptionsFrom(settings);
        var plan = CheckedPlan(settings);

        return Stages.Run(console, settings.Quiet, stages =>
        {
            var builder = new EnrichedDatasetBuilder(settings.Options.ToEnrichmentOptions());
            var inputs = ImmutableArray.CreateBuilder<InputFile>();
            EnrichedDataset dataset;
            Stages.Stage enrich;
            try
            {
                foreach (var (role, path) in plan)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // By path: the loaders choose the format from the name (.csv, .json, .jsonl, .ndjson), decompress a .gz
                    // name, and read a large CSV file of transactions on every core.
                    inputs.Add(Read(stages, role, path, options, (file, progress) => role switch
                    {
                        "customers" => Add(CustomerLoader.Load(file, progress), r => builder.AddCustomers(r)),
                        "products" => Add(ProductLoader.Load(file, progress), r => builder.AddProducts(r)),
                        "transactions" => TransactionLoader.LoadInto(builder, file, progress),
                        _ => OrderLinesLoader.LoadInto(builder, file, progress),
                    }));
                }

                // The join follows the load mode: in strict mode an unknown customer or product (policy reject) throws,
                // listing them with file and line like a loader's error.
                enrich = stages.Begin("enrich", null);
                dataset = builder.Build(cancellationToken);
            }
            catch (DataLoadException ex)
            {
                var written = WriteRejected(rejectedPath, ex.Diagnostics.Select(JoinPolicies.ForTool).Select(RejectedRow.FromDiagnostic));
                throw new CliException(JoinPolicies.ForTool(LoadMessages.For(ex, settings)) + (written is null ? string.Empty : $"\nRejected rows written to {written}."), ExitCodes.DataError);
            }

            enrich.Complete(string.Create(CultureInfo.InvariantCulture, $"{dataset.TransactionCount:#,0} transactions kept, {dataset.Report.TransactionsRejected:#,0} left out, {enrich.Elapsed.TotalSeconds:0.00} s"));
            var data = new LoadedData(dataset, inputs.ToImmutable(), options);
            WriteRejected(rejectedPath, data.RejectedRows);
            return data;
        });
    }

    /// <summary>Writes rejected rows (when there are any) and returns the path written, or <see langword="null"/>.</summary>
    public static string? WriteRejected(string? path, IEnumerable<RejectedRow> rows)
    {
        var list = rows.ToList();
        if (path is null || list.Count == 0)
        {
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var stream = File.Create(path);
        CsvArtifacts.WriteRejectedRows(stream, list);
        return path;
    }

    private static LoadReport Add<T>(LoadResult<T> result, Action<ImmutableArray<T>> add)
    {
        add(result.Rows);
        return result.Report;
    }

    private static InputFile Read(Stages stages, string role, string path, LoadOptions options, Func<string, LoadOptions, LoadReport> load)
    {
        var bytes = new FileInfo(path).Length;
        var name = Path.GetFileName(path);
        var stage = stages.Begin($"{role} ({name})", bytes);
        var report = load(path, options with { ReadProgress = new BytesRead(stage.Advance) });

        stage.Complete(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.RowsLoaded:#,0} rows loaded, {report.RowsRejected:#,0} rejected, {Stages.Rate(report.RowsRead, stage.Elapsed)} rows/s"));
        return new InputFile(role, path, bytes, report, stage.Elapsed);
    }

    /// <summary>The input files, each checked to exist.</summary>
    public static List<(string Role, string Path)> CheckedPlan(DataSettings settings)
    {
        var plan = Plan(settings);
        foreach (var (role, path) in plan)
        {
            if (!File.Exists(path))
            {
                throw new CliException($"File not found: {path} (the {role} file).", ExitCodes.DataError);
            }
        }

        return plan;
    }

    private static List<(string Role, string Path)> Plan(DataSettings settings)
    {
        var options = settings.Options;
        if (options.OrderLinesPath is { } orderLines)
        {
            return [("order-lines", orderLines)];
        }

        string PathOf(string? given, string file) => given ?? Path.Combine(options.DataDirectory!, file);
        return
        [
            ("customers", PathOf(options.CustomersPath, "customers.csv")),
            ("products", PathOf(options.ProductsPath, "products.csv")),
            ("transactions", PathOf(options.TransactionsPath, "transactions.csv")),
        ];
    }

    /// <summary>The loaders' options the flags and the config file ask for; raw values stay in the messages (the
    /// terminal is the user's own).</summary>
    public static LoadOptions OptionsFrom(DataSettings settings) => settings.Options.ToLoadOptions() with { IncludeValuesInDiagnostics = true };
}
