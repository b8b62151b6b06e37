using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Pipeline;

/// <summary>
/// Reads a run's inputs into the builder: the one body under <see cref="AnalyticsPipeline.Run"/> and
/// <see cref="AnalyticsPipeline.RunAsync"/>. With <c>useAsync</c> off it calls only the loaders' synchronous overloads
/// and never awaits anything unfinished; with it on, the asynchronous ones with the cancellation token.
/// </summary>
internal sealed class PipelineReader(PipelineOptions options, EnrichedDatasetBuilder builder, bool useAsync, CancellationToken cancellationToken)
{
    /// <summary>Reads the order-lines file, or the three files (customers and products on another thread while the transactions stream into the builder).</summary>
    public async ValueTask<ImmutableArray<PipelineInput>> ReadAll()
    {
        var load = options.Load;
        if (options.OrderLinesPath is { } orderLines)
        {
            var report = await Read(orderLines, new Loader<LoadReport>(
                p => OrderLinesLoader.LoadInto(builder, p, load),
                (s, n) => OrderLinesLoader.LoadInto(builder, s, n, DataFormat.Auto, load),
                (p, ct) => OrderLinesLoader.LoadIntoAsync(builder, p, load, ct),
                (s, n, ct) => OrderLinesLoader.LoadIntoAsync(builder, s, n, DataFormat.Auto, load, ct))).ConfigureAwait(false);
            return [Input("order_lines", orderLines, report)];
        }

        var dimensions = Task.Run(() => ReadDimensions().AsTask());
        LoadReport transactions;
        try
        {
            transactions = await Read(options.TransactionsPath!, new Loader<LoadReport>(
                p => TransactionLoader.LoadInto(builder, p, load),
                (s, n) => TransactionLoader.LoadInto(builder, s, n, DataFormat.Auto, load),
                (p, ct) => TransactionLoader.LoadIntoAsync(builder, p, load, ct),
                (s, n, ct) => TransactionLoader.LoadIntoAsync(builder, s, n, DataFormat.Auto, load, ct))).ConfigureAwait(false);
        }
        catch
        {
            // The transactions' error wins; the dimension loads are still observed so none goes unobserved.
            _ = dimensions.ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw;
        }

        // Waiting on the dimensions' thread-pool task in the sync run blocks on synchronous work only.
        var (customers, products) = useAsync ? await dimensions.ConfigureAwait(false) : dimensions.GetAwaiter().GetResult();
        builder.AddCustomers(customers.Rows).AddProducts(products.Rows);
        return
        [
            Input("customers", options.CustomersPath!, customers.Report),
            Input("products", options.ProductsPath!, products.Report),
            Input("transactions", options.TransactionsPath!, transactions),
        ];
    }

    private static PipelineInput Input(string role, string path, LoadReport report) =>
        new(role, path, File.Exists(path) ? new FileInfo(path).Length : 0, report);

    private static Stream Open(Func<string, Stream> open, string path) =>
        open(path) ?? throw new InvalidOperationException($"PipelineOptions.OpenRead returned null for '{path}'.");

    /// <summary>Customers and products; in the async run both at once.</summary>
    private async ValueTask<(LoadResult<Customer> Customers, LoadResult<Product> Products)> ReadDimensions()
    {
        var load = options.Load;
        var customers = Read(options.CustomersPath!, new Loader<LoadResult<Customer>>(
            p => CustomerLoader.Load(p, load),
            (s, n) => CustomerLoader.Load(s, n, DataFormat.Auto, load),
            (p, ct) => CustomerLoader.LoadAsync(p, load, ct),
            (s, n, ct) => CustomerLoader.LoadAsync(s, n, DataFormat.Auto, load, ct))).AsTask();
        var products = Read(options.ProductsPath!, new Loader<LoadResult<Product>>(
            p => ProductLoader.Load(p, load),
            (s, n) => ProductLoader.Load(s, n, DataFormat.Auto, load),
            (p, ct) => ProductLoader.LoadAsync(p, load, ct),
            (s, n, ct) => ProductLoader.LoadAsync(s, n, DataFormat.Auto, load, ct))).AsTask();
        await Task.WhenAll(customers, products).ConfigureAwait(false);
        return (await customers.ConfigureAwait(false), await products.ConfigureAwait(false));
    }

    /// <summary>Reads a file by path, or through <see cref="PipelineOptions.OpenRead"/> when the host gave one (the stream is disposed after).</summary>
    private async ValueTask<T> Read<T>(string path, Loader<T> loader)
    {
        if (options.OpenRead is not { } open)
        {
            return useAsync ? await loader.PathAsync(path, cancellationToken).ConfigureAwait(false) : loader.Path(path);
        }

        var stream = Open(open, path);
        try
        {
            return useAsync ? await loader.StreamAsync(stream, path, cancellationToken).ConfigureAwait(false) : loader.Stream(stream, path);
        }
        finally
        {
            if (useAsync)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                stream.Dispose();
            }
        }
    }

    /// <summary>One loader's overloads: by path or stream (named by the path), synchronous and asynchronous.</summary>
    private sealed record Loader<T>(
        Func<string, T> Path,
        Func<Stream, string, T> Stream,
        Func<string, CancellationToken, Task<T>> PathAsync,
        Func<Stream, string, CancellationToken, Task<T>> StreamAsync);
}
