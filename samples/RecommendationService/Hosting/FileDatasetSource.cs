using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;

namespace RecommendationService.Hosting;

/// <summary>Loads the configured files with the library's loaders: the three files (customers and products in
/// parallel, then transactions streamed into the builder), or one order-lines file.</summary>
internal sealed class FileDatasetSource : IDatasetSource
{
    private readonly RecommendationServiceOptions _options;
    private readonly string? _customers;
    private readonly string? _products;
    private readonly string? _transactions;
    private readonly string? _orderLines;

    public FileDatasetSource(RecommendationServiceOptions options, string contentRoot)
    {
        _options = options;
        static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
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

    public string Description => _orderLines ?? string.Join(", ", _customers, _products, _transactions);

    public async Task<EnrichedDataset> LoadAsync(CancellationToken cancellationToken)
    {
        var load = LoadOptions.Default with { Mode = _options.Lenient ? LoadMode.Lenient : LoadMode.Strict };
        var builder = new EnrichedDatasetBuilder();
        if (_orderLines is not null)
        {
            var columns = _options.OrderLinesPreset == "online-retail" ? TransactionColumns.OnlineRetail : TransactionColumns.Default;
            await OrderLinesLoader.LoadIntoAsync(builder, _orderLines, load with { TransactionColumns = columns }, cancellationToken).ConfigureAwait(false);
            return builder.Build();
        }

        var customers = CustomerLoader.LoadAsync(_customers!, load, cancellationToken);
        var products = ProductLoader.LoadAsync(_products!, load, cancellationToken);
        builder.AddCustomers((await customers.ConfigureAwait(false)).Rows).AddProducts((await products.ConfigureAwait(false)).Rows);
        await TransactionLoader.LoadIntoAsync(builder, _transactions!, load, cancellationToken).ConfigureAwait(false);
        return builder.Build();
    }
}
