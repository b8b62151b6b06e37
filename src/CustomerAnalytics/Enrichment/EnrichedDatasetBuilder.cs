using CustomerAnalytics.Enrichment.Staging;
using CustomerAnalytics.Internal;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Enrichment;

/// <summary>
/// Builds an <see cref="EnrichedDataset"/>: customers, products and transactions are added in any order (the join
/// happens in <see cref="Build"/>), transactions are stored as columns as they arrive, so no transaction needs to
/// exist as an object once added.
/// </summary>
/// <remarks>
/// <para>Revenue = the line total when given, else quantity × the line's unit price when given, else quantity × the
/// product's list price. Money is exact (see <see cref="EnrichmentIssueKind.MoneyOutOfRange"/> for the limits).</para>
/// <para>A builder is not thread-safe; <see cref="Build"/> may be called once.</para>
/// </remarks>
/// <example>
/// <code>
/// var dataset = new EnrichedDatasetBuilder()
///     .AddCustomers(customers)
///     .AddProducts(products)
///     .AddTransactions(transactions)
///     .Build();
/// </code>
/// </example>
public sealed class EnrichedDatasetBuilder
{
    private readonly EnrichmentOptions _options;
    private readonly TransactionStaging _staging;

    /// <summary>Creates a builder.</summary>
    /// <param name="options">The options; <see langword="null"/> for <see cref="EnrichmentOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public EnrichedDatasetBuilder(EnrichmentOptions? options = null)
    {
        _options = options ?? EnrichmentOptions.Default;
        _options.Validate();
        _staging = TransactionStaging.Create(_options.MaxListedIssuesPerKind);
    }

    /// <summary>The number of transactions added so far (kept or already rejected).</summary>
    public int TransactionCount => _staging.TransactionsRead;

    /// <summary>What this builder holds until <see cref="Build"/>: the loaders' row sinks write to it (<see cref="StagingRowSink"/>).</summary>
    internal TransactionStaging Staging => _staging;

    /// <summary>Adds a customer. A second customer with the same id is reported and ignored.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The customer's id or segment is empty.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was called already.</exception>
    public EnrichedDatasetBuilder AddCustomer(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentException.ThrowIfNullOrEmpty(customer.Id, nameof(customer));
        ArgumentException.ThrowIfNullOrEmpty(customer.Segment, nameof(customer));
        _staging.AddCustomer(customer);
        return this;
    }

    /// <summary>
    /// Adds the guest customer, in the segment <see cref="LoadOptions.GuestSegment"/>, unless a customer with that id was
    /// added already; either way that customer becomes the dataset's <see cref="EnrichedDataset.GuestCustomer"/>: its
    /// lines count in every total and it is left out of every per-customer analysis. The loaders call it for
    /// <see cref="LoadOptions.KeepGuestLines"/>; call it yourself for transactions whose customer is the guest.
    /// </summary>
    /// <param name="customerId">The guest's id; by default <see cref="LoadOptions.GuestCustomerId"/>'s default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">Another guest was added, or <see cref="Build"/> was called already.</exception>
    public EnrichedDatasetBuilder AddGuestCustomer(string customerId = "guest")
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        _staging.AddGuestCustomer(customerId, LoadOptions.GuestSegment);
        return this;
    }

    /// <summary>Adds customers.</summary>
    /// <param name="customers">The customers.</param>
    /// <returns>This builder.</returns>
    public EnrichedDatasetBuilder AddCustomers(IEnumerable<Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        foreach (var customer in customers)
        {
            AddCustomer(customer);
        }

        return this;
    }

    /// <summary>Adds a product. A second product with the same id is reported and ignored.</summary>
    /// <param name="product">The product.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The product's id is empty, or its list price is negative, has more than four decimal places or is too large to keep exactly.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was called already.</exception>
    public EnrichedDatasetBuilder AddProduct(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentException.ThrowIfNullOrEmpty(product.Id, nameof(product));
        ArgumentNullException.ThrowIfNull(product.Category, nameof(product));
        if (product.ListPrice is < 0)
        {
            StagingThrow.ArgumentException_NegativeListPrice(product, nameof(product));
        }

        if (product.ListPrice is { } listPrice && !Money.TryToUnits(listPrice, out _))
        {
            StagingThrow.ArgumentException_InexactListPrice(product, nameof(product));
        }

        _staging.AddProduct(product);
        return this;
    }

    /// <summary>Adds products.</summary>
    /// <param name="products">The products.</param>
    /// <returns>This builder.</returns>
    public EnrichedDatasetBuilder AddProducts(IEnumerable<Product> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        foreach (var product in products)
        {
            AddProduct(product);
        }

        return this;
    }

    /// <summary>Adds a transaction. Its customer and product may be added before or after it.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The transaction's id, customer id or product id is empty.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was called already.</exception>
    public EnrichedDatasetBuilder AddTransaction(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrEmpty(transaction.Id, nameof(transaction));
        ArgumentException.ThrowIfNullOrEmpty(transaction.CustomerId, nameof(transaction));
        ArgumentException.ThrowIfNullOrEmpty(transaction.ProductId, nameof(transaction));
        _staging.AddTransaction(transaction);
        return this;
    }

    /// <summary>Adds transactions, streaming: each is stored as columns before the next is read.</summary>
    /// <param name="transactions">The transactions.</param>
    /// <returns>This builder.</returns>
    public EnrichedDatasetBuilder AddTransactions(IEnumerable<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        foreach (var transaction in transactions)
        {
            AddTransaction(transaction);
        }

        return this;
    }

    /// <summary>
    /// Joins what was added and returns the immutable dataset.
    /// </summary>
    /// <returns>The dataset, with its <see cref="EnrichedDataset.Report"/>.</returns>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was called already.</exception>
    /// <exception cref="Loading.DataLoadException">
    /// <see cref="EnrichmentOptions.StrictReferences"/> is on and a transaction names a customer or product that is unknown
    /// while its policy is <see cref="UnknownReferencePolicy.Reject"/>: lists them with their file and line.
    /// </exception>
    /// <param name="cancellationToken">Checked between the join's passes; a cancelled builder cannot be built again.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public EnrichedDataset Build(CancellationToken cancellationToken = default) => JoinPasses.Build(_staging, _options, cancellationToken);
}
