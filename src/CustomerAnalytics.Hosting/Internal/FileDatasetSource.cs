using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>Loads the configured files with the library's loaders: the three files (customers and products in
/// parallel with the transactions streamed into the builder), or one order-lines file.</summary>
internal sealed class FileDatasetSource : IDatasetSource
{
    private readonly CustomerAnalyticsOptions _options;
    private readonly string? _customers;
    private readonly string? _products;
    private readonly string? _transactions;
    private readonly string? _orderLines;
    private readonly string[] _folders;

    public FileDatasetSource(CustomerAnalyticsOptions options, string contentRoot)
    {
        _options = options;
        _folders = [Path.GetFullPath(contentRoot), Environment.CurrentDirectory];
        string? Resolve(string? path, string file) =>
            Given(path) is { } given ? Path.GetFullPath(given, contentRoot)
            : Given(options.DataDirectory) is { } folder ? Path.Combine(Path.GetFullPath(folder, contentRoot), file)
            : null;
        _orderLines = Given(options.OrderLinesPath) is { } lines ? Path.GetFullPath(lines, contentRoot) : null;
        if (_orderLines is null)
        {
            _customers = Resolve(options.CustomersPath, "customers.csv");
            _products = Resolve(options.ProductsPath, "products.csv");
            _transactions = Resolve(options.TransactionsPath, "transactions.csv");
        }
    }

    /// <summary>The files: full paths when <see cref="CustomerAnalyticsDiagnosticsOptions.IncludeDetails"/> is on, file names otherwise.</summary>
    public string Description => string.Join(", ", Files.Select(f => _options.Diagnostics.IncludeDetails ? f : Path.GetFileName(f)));

    private IEnumerable<string> Files => _orderLines is not null ? [_orderLines] : [_customers!, _products!, _transactions!];

    /// <summary>Whether the options name files to load (an order-lines file, a data folder or all three files); empty
    /// settings count as unset.</summary>
    public static bool IsConfigured(CustomerAnalyticsOptions options) =>
        Given(options.OrderLinesPath) is not null || Given(options.DataDirectory) is not null
        || (Given(options.CustomersPath) is not null && Given(options.ProductsPath) is not null && Given(options.TransactionsPath) is not null);

    public async Task<EnrichedDataset> LoadAsync(CancellationToken cancellationToken) =>
        (await LoadWithAccountAsync(cancellationToken).ConfigureAwait(false)).Dataset;

    /// <summary>Loads the files; the join follows the load mode (strict: an unknown customer or product is an error).
    /// Unless <see cref="CustomerAnalyticsDiagnosticsOptions.IncludeDetails"/> is on, a failure's message names files, not paths.</summary>
    public async Task<DatasetLoad> LoadWithAccountAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await LoadFilesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !_options.Diagnostics.IncludeDetails)
        {
            throw new InvalidOperationException(WithoutPaths(ex.Message), ex);
        }
    }

    /// <summary>The message with every configured path shortened to its file name and the content root and working
    /// directory removed.</summary>
    internal string WithoutPaths(string message)
    {
        foreach (var file in Files.OrderByDescending(f => f.Length))
        {
            message = message.Replace(file, Path.GetFileName(file), StringComparison.Ordinal);
        }

        foreach (var folder in _folders.Select(f => Path.TrimEndingDirectorySeparator(f) + Path.DirectorySeparatorChar).OrderByDescending(f => f.Length))
        {
            message = message.Replace(folder, string.Empty, StringComparison.Ordinal);
        }

        return message;
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task<DatasetLoad> LoadFilesAsync(CancellationToken cancellationToken)
    {
        var load = FileLoadOptions.Load(_options);
        var enrichment = FileLoadOptions.Enrichment(_options);
        var builder = new EnrichedDatasetBuilder(enrichment);
        if (_orderLines is not null)
        {
            var lines = await OrderLinesLoader.LoadIntoAsync(builder, _orderLines, load, cancellationToken).ConfigureAwait(false);
            return Accounted(builder.Build(cancellationToken), load, enrichment, ("order_lines", lines));
        }

        var customers = CustomerLoader.LoadAsync(_customers!, load, cancellationToken);
        var products = ProductLoader.LoadAsync(_products!, load, cancellationToken);
        var (customerRows, productRows) = (await customers.ConfigureAwait(false), await products.ConfigureAwait(false));
        builder.AddCustomers(customerRows.Rows).AddProducts(productRows.Rows);
        var transactions = await TransactionLoader.LoadIntoAsync(builder, _transactions!, load, cancellationToken).ConfigureAwait(false);
        return Accounted(builder.Build(cancellationToken), load, enrichment, ("customers", customerRows.Report), ("products", productRows.Report), ("transactions", transactions));
    }

    private static DatasetLoad Accounted(EnrichedDataset dataset, LoadOptions load, EnrichmentOptions enrichment, params (string Role, LoadReport Report)[] inputs)
    {
        var accounts = inputs.Select(i => InputAccount.Of(i.Role, Path.GetFileName(i.Report.Source), i.Report, i.Role is "transactions" or "order_lines" ? dataset.Report : null));
        var listed = inputs.Sum(i => i.Report.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)) + dataset.Report.Issues.Count(i => i.Rejected);
        return new DatasetLoad(dataset, RunAccount.Of([.. accounts], dataset.Report, listed, RunAccount.LimitsOf(load, enrichment)));
    }
}
