using System.Collections.Immutable;
using System.Globalization;
using System.Text;
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
    private readonly Interner _customerIds = new();
    private readonly Interner _productIds = new();
    private readonly OrderIdInterner _orderIds = new();

    // The loaders' look-ups: UTF-8 bytes of an id → its index above, so a row costs no string.
    private readonly Utf8IdTable _customerBytes = new();
    private readonly Utf8IdTable _productBytes = new();
    private readonly List<Customer?> _customers = [];
    private readonly List<Product?> _products = [];
    private readonly IssueCollector _issues;
    private readonly IdAccumulator _ids = new();
    private readonly ChunkedColumn<int> _customerColumn = new();
    private readonly ChunkedColumn<int> _productColumn = new();
    private readonly ChunkedColumn<int> _orderColumn = new();
    private readonly ChunkedColumn<int> _quantityColumn = new();
    private readonly ChunkedColumn<long> _ticksColumn = new();

    // Stored only from the first line that brings its own unit price or total.
    private ChunkedColumn<long>? _unitPriceColumn;
    private ChunkedColumn<long>? _lineTotalColumn;

    // Staging only: each row's source and line, to place the issues of Build (dropped by Build).
    private readonly RowSources _sources = new();
    private int _transactionsRead;
    private bool _built;
    private string? _guestCustomerId;

    // A part of a parallel load: ids arrive as UTF-8 only, are looked up by their bytes and kept as bytes by index (no
    // string each: most ids of one part recur in the others); Append looks them up in the builder the part joins.
    private Utf8KeyList? _partCustomerKeys;
    private Utf8KeyList? _partProductKeys;

    /// <summary>Creates a builder.</summary>
    /// <param name="options">The options; <see langword="null"/> for <see cref="EnrichmentOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public EnrichedDatasetBuilder(EnrichmentOptions? options = null)
    {
        _options = options ?? EnrichmentOptions.Default;
        _options.Validate();
        _issues = new IssueCollector(_options.MaxListedIssuesPerKind);
    }

    /// <summary>The number of transactions added so far (kept or already rejected).</summary>
    public int TransactionCount => _transactionsRead;

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
        ThrowIfBuilt();
        var index = _customerIds.Intern(customer.Id);
        if (index == _customers.Count)
        {
            _customers.Add(customer);
        }
        else if (_customers[index] is null)
        {
            _customers[index] = customer;
        }
        else
        {
            if (_issues.Count(EnrichmentIssueKind.DuplicateDimensionId))
            {
                _issues.List(new EnrichmentIssue(EnrichmentIssueKind.DuplicateDimensionId, true, null, customer.Id, null, $"Customer '{customer.Id}' was added twice; the first record is kept."));
            }
        }

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
        ThrowIfBuilt();
        if (_guestCustomerId is not null && _guestCustomerId != customerId)
        {
            throw new InvalidOperationException($"The guest customer is '{_guestCustomerId}' already; a dataset has one guest.");
        }

        var index = _customerIds.Intern(customerId);
        if (index == _customers.Count || _customers[index] is null)
        {
            AddCustomer(new Customer(customerId, LoadOptions.GuestSegment));
        }

        _guestCustomerId = customerId;
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
            throw new ArgumentException($"Product '{product.Id}' has a negative list price ({product.ListPrice.Value.ToString(CultureInfo.InvariantCulture)}).", nameof(product));
        }

        if (product.ListPrice is { } listPrice && !Money.TryToUnits(listPrice, out _))
        {
            throw new ArgumentException($"Product '{product.Id}' has a list price ({listPrice.ToString(CultureInfo.InvariantCulture)}) with more than {Money.Scale} decimal places or too large to keep exactly.", nameof(product));
        }

        ThrowIfBuilt();
        var index = _productIds.Intern(product.Id);
        if (index == _products.Count)
        {
            _products.Add(product);
        }
        else if (_products[index] is null)
        {
            _products[index] = product;
        }
        else
        {
            if (_issues.Count(EnrichmentIssueKind.DuplicateDimensionId))
            {
                _issues.List(new EnrichmentIssue(EnrichmentIssueKind.DuplicateDimensionId, true, null, null, product.Id, $"Product '{product.Id}' was added twice; the first record is kept."));
            }
        }

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
        ThrowIfBuilt();
        _sources.Begin(null, _customerColumn.Count);
        long unitPrice = Money.None, lineTotal = Money.None;
        if ((transaction.UnitPrice is { } price && !Money.TryToUnits(price, out unitPrice))
            || (transaction.LineTotal is { } total && !Money.TryToUnits(total, out lineTotal)))
        {
            _transactionsRead++;
            _issues.LeaveOut(EnrichmentIssueKind.MoneyOutOfRange);
            if (_issues.Count(EnrichmentIssueKind.MoneyOutOfRange))
            {
                _issues.List(new EnrichmentIssue(EnrichmentIssueKind.MoneyOutOfRange, true, transaction.Id, transaction.CustomerId, transaction.ProductId, $"Transaction '{transaction.Id}' has a price or total with more than {Money.Scale} decimal places or too large to keep exactly."));
            }
            return this;
        }

        AddRow(transaction.Id, transaction.CustomerId, transaction.ProductId, transaction.Quantity, transaction.Timestamp.UtcTicks, unitPrice, transaction.OrderId, lineTotal);
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
    /// The loaders' path: adds one row already parsed to columns. <paramref name="id"/> <see langword="null"/> numbers
    /// the line (1, 2, … across the builder); money is in <see cref="Money"/> units or <see cref="Money.None"/>.
    /// </summary>
    internal void AddRow(string? id, string customerId, string productId, int quantity, long utcTicks, long unitPriceUnits, string? orderId, long lineTotalUnits)
    {
        ThrowIfBuilt();
        AddRow(id, -1, InternCustomer(customerId), InternProduct(productId), quantity, utcTicks, unitPriceUnits, string.IsNullOrEmpty(orderId) ? -1 : _orderIds.Intern(orderId), lineTotalUnits, line: 0);
    }

    /// <summary>
    /// The loaders' fastest path: one row by dense indexes (from <c>CustomerIndex</c>, <c>ProductIndex</c>,
    /// <c>OrderIndex</c>; −1 for no order). The id is <paramref name="textId"/>, else the non-negative
    /// <paramref name="numericId"/>, else (−1) the line's number. <paramref name="line"/> is the row's line in the source
    /// begun by <see cref="BeginSource"/> (0: none), kept while staging only.
    /// </summary>
    internal void AddRow(string? textId, long numericId, int customerIndex, int productIndex, int quantity, long utcTicks, long unitPriceUnits, int orderIndex, long lineTotalUnits, long line)
    {
        ThrowIfBuilt();
        var rowsBefore = _customerColumn.Count;
        _transactionsRead++;
        if (textId is not null)
        {
            _ids.Add(textId);
        }
        else
        {
            // Numbered line: its id is its ordinal among all lines added.
            _ids.Add(numericId >= 0 ? numericId : _transactionsRead);
        }

        _customerColumn.Add(customerIndex);
        _productColumn.Add(productIndex);
        _orderColumn.Add(orderIndex);
        _quantityColumn.Add(quantity);
        _ticksColumn.Add(utcTicks);
        AddOptional(ref _unitPriceColumn, unitPriceUnits, rowsBefore);
        AddOptional(ref _lineTotalColumn, lineTotalUnits, rowsBefore);
        _sources.Add(line, rowsBefore);
    }

    /// <summary>The loaders' path: the rows added from now on come from <paramref name="source"/> (a file or source name).</summary>
    internal void BeginSource(string source)
    {
        ThrowIfBuilt();
        _sources.Begin(source, _customerColumn.Count);
    }

    /// <summary>The loaders' path: the dense index of a customer id, registered (as not yet known) when new.</summary>
    internal int CustomerIndex(string customerId)
    {
        ThrowIfBuilt();
        return InternCustomer(customerId);
    }

    /// <summary>The loaders' path: the dense index of a customer id given as UTF-8, registered (as not yet known) when new.</summary>
    internal int CustomerIndex(ReadOnlySpan<byte> customerId) =>
        IndexOf(customerId, _customerBytes, _partCustomerKeys, _customerIds, _customers);

    /// <summary>The loaders' path: the dense index of a product id, registered (as not yet known) when new.</summary>
    internal int ProductIndex(string productId)
    {
        ThrowIfBuilt();
        return InternProduct(productId);
    }

    /// <summary>The loaders' path: the dense index of a product id given as UTF-8, registered (as not yet known) when new.</summary>
    internal int ProductIndex(ReadOnlySpan<byte> productId) =>
        IndexOf(productId, _productBytes, _partProductKeys, _productIds, _products);

    /// <summary>The loaders' path: the dense index of a non-empty order id.</summary>
    internal int OrderIndex(string orderId)
    {
        ThrowIfBuilt();
        return _orderIds.Intern(orderId);
    }

    /// <summary>The loaders' path: the dense index of an order id that is a canonical integer (no sign, no leading zero).</summary>
    internal int OrderIndex(long orderNumber)
    {
        ThrowIfBuilt();
        return _orderIds.Intern(orderNumber);
    }

    /// <summary>
    /// A builder for one part of a parallel load (see <see cref="Append"/>): it takes rows by UTF-8 ids only, and keeps
    /// no string look-up of them (two byte sequences that decode to the same string become one id in <see cref="Append"/>).
    /// </summary>
    internal static EnrichedDatasetBuilder ForPart() => new() { _partCustomerKeys = new(), _partProductKeys = new() };

    /// <summary>
    /// A builder for one part of a parallel load whose rows go first to one region of shared column arrays (see
    /// <see cref="PartColumns"/>): parts that fill their regions exactly join into those arrays, which
    /// <see cref="Build"/> then keeps without a copy.
    /// </summary>
    internal static EnrichedDatasetBuilder ForPart(PartColumns columns, int offset, int capacity)
    {
        var part = ForPart();
        part._customerColumn.UseRegion(columns.Customers, offset, capacity);
        part._productColumn.UseRegion(columns.Products, offset, capacity);
        part._orderColumn.UseRegion(columns.Orders, offset, capacity);
        part._quantityColumn.UseRegion(columns.Quantities, offset, capacity);
        part._ticksColumn.UseRegion(columns.Ticks, offset, capacity);
        return part;
    }

    /// <summary>
    /// The parallel loaders' path: appends the transactions of <paramref name="part"/> (a builder that was given rows
    /// only) as if they had been added here, in order; <paramref name="part"/> is empty afterwards. Its ids, customers,
    /// products and orders are looked up here in their order of first appearance there, so adding the parts of a file
    /// in file order gives the same dataset as adding its rows one by one. <paramref name="numberOffset"/> is added to
    /// the part's numeric transaction ids (the line numbers of a source without an id column), or 0;
    /// <paramref name="lineOffset"/> to its rows' lines (the lines of the source before the part's first).
    /// </summary>
    internal void Append(EnrichedDatasetBuilder part, long numberOffset, long lineOffset)
    {
        ThrowIfBuilt();
        part.ThrowIfBuilt();
        part._built = true;
        if (part._partCustomerKeys is null || part._partProductKeys is null)
        {
            throw new InvalidOperationException("Only a builder made for a part of a parallel load can be appended.");
        }

        // By their bytes: an id another part brought already costs one look-up in a table, not a string.
        var customerMap = new int[part._partCustomerKeys.Count];
        for (var i = 0; i < customerMap.Length; i++)
        {
            customerMap[i] = CustomerIndex(part._partCustomerKeys[i]);
        }

        var productMap = new int[part._partProductKeys.Count];
        for (var i = 0; i < productMap.Length; i++)
        {
            productMap[i] = ProductIndex(part._partProductKeys[i]);
        }

        var orderMap = _orderIds.InternAll(part._orderIds.ToColumn());
        var rowsBefore = _customerColumn.Count;
        var partRows = part._customerColumn.Count;
        Parallel.Invoke(
            () => Remap(part._customerColumn, customerMap),
            () => Remap(part._productColumn, productMap),
            () => Remap(part._orderColumn, orderMap));
        _customerColumn.MoveFrom(part._customerColumn);
        _productColumn.MoveFrom(part._productColumn);
        _orderColumn.MoveFrom(part._orderColumn);
        _quantityColumn.MoveFrom(part._quantityColumn);
        _ticksColumn.MoveFrom(part._ticksColumn);
        AppendOptional(ref _unitPriceColumn, part._unitPriceColumn, rowsBefore, partRows);
        AppendOptional(ref _lineTotalColumn, part._lineTotalColumn, rowsBefore, partRows);
        _sources.MoveFrom(part._sources, lineOffset, rowsBefore, partRows);

        _ids.AddRange(part._ids.ToColumn(), numberOffset);
        _transactionsRead += part._transactionsRead;
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
    public EnrichedDataset Build()
    {
        ThrowIfBuilt();
        _built = true;

        // Dimension tables: known records in the order added, then records made for unknown ids (when kept).
        var customerMap = MapDimension(_customers, _customerIds, _options.UnknownCustomers, id => new Customer(id, _options.UnknownLabel), out var customers);
        var productMap = MapDimension(_products, _productIds, _options.UnknownProducts, id => new Product(id, _options.UnknownLabel), out var products);
        var (segments, customerSegments) = Encode(customers, c => c.Segment);
        var (categories, productCategories) = Encode(products, p => p.Category);

        // One string per segment and category: records that brought their own copy share the table's.
        for (var i = 0; i < customers.Length; i++)
        {
            if (!ReferenceEquals(customers[i].Segment, segments[customerSegments[i]]))
            {
                customers[i] = customers[i] with { Segment = segments[customerSegments[i]] };
            }
        }

        for (var i = 0; i < products.Length; i++)
        {
            if (!ReferenceEquals(products[i].Category, categories[productCategories[i]]))
            {
                products[i] = products[i] with { Category = categories[productCategories[i]] };
            }
        }

        var rowCount = _customerColumn.Count;
        int[] customerColumn = [], productColumn = [], orderColumn = [], quantityColumn = [];
        long[] ticksColumn = [], revenueColumn = [];
        long[]? unitPriceColumn = null, lineTotalColumn = null;
        IdColumn ids = null!;

        // The columns are copied out of their chunks on every core (the copy is bound by memory, not by one core).
        Parallel.Invoke(
            () => customerColumn = _customerColumn.ToArray(),
            () => productColumn = _productColumn.ToArray(),
            () => orderColumn = _orderColumn.ToArray(),
            () => quantityColumn = _quantityColumn.ToArray(),
            () => ticksColumn = _ticksColumn.ToArray(),
            () => unitPriceColumn = _unitPriceColumn?.ToArray(),
            () => revenueColumn = _lineTotalColumn?.ToArray() ?? LargeArray.Uninitialized<long>(rowCount),
            () => ids = _ids.ToColumn(),
            _sources.Seal);

        // Without a line that brought its own unit price, every row's unit price is its product's list price: the
        // dataset derives it rather than storing it.
        lineTotalColumn = _lineTotalColumn is null ? null : revenueColumn;
        var listPrices = Array.ConvertAll(products, EnrichedDataset.ListPriceUnitsOf);
        var firstRowOfId = FindDuplicateIds(ids);

        // Per customer, the day number of its signup (int.MinValue when unknown: no purchase precedes it); per raw
        // index, whether the customer or product was added (not only referenced).
        var signupDays = Array.ConvertAll(customers, c => c.SignupDate?.DayNumber ?? int.MinValue);
        var customerAdded = _customers.ConvertAll(c => c is not null).ToArray();
        var productAdded = _products.ConvertAll(p => p is not null).ToArray();

        // When every customer (product) referenced was added, raw indexes are final indexes: skip the look-ups.
        var allCustomersAdded = Array.TrueForAll(customerAdded, added => added);
        var allProductsAdded = Array.TrueForAll(productAdded, added => added);

        // The dataset's customer look-up only needs the customer table: build it on the other core meanwhile.
        var customerLookup = Task.Run(() => EnrichedDataset.CustomerLookup(customers));

        // The usual case: every reference known, no repeated id, every line priced by its product. Revenue is then
        // quantity × list price, and a row can only be rejected for a missing price or an overflow, which sends its
        // range to the general pass below.
        var simple = allCustomersAdded && allProductsAdded && firstRowOfId is null && unitPriceColumn is null && lineTotalColumn is null;
        RangeResult? SimplePass(int start, int end)
        {
            var issues = new IssueCollector(_options.MaxListedIssuesPerKind);
            var customerRows = customerColumn;
            var productRows = productColumn;
            var quantities = quantityColumn;
            var ticks = ticksColumn;
            var revenues = revenueColumn;
            var prices = listPrices;
            var signups = signupDays;
            for (var row = start; row < end; row++)
            {
                var quantity = quantities[row];
                var price = prices[productRows[row]];
                if (price == Money.None || !Money.TryMultiply(quantity, price, out var revenue))
                {
                    return null;
                }

                revenues[row] = revenue;
                var customer = customerRows[row];
                if (quantity <= 0)
                {
                    ReportQuantity(issues, ids, row, customer, productRows[row], quantity);
                }

                if (ticks[row] / TimeSpan.TicksPerDay < signups[customer] && customers[customer].SignupDate is { } signup)
                {
                    ReportBeforeSignup(issues, ids, row, customer, productRows[row], ticks[row], signup);
                }
            }

            return new RangeResult(start, end, end - start, null, issues);
        }

        // The row pass runs on every core over ranges of rows, each with its own issues, and compacts the rows it keeps
        // within its range; the ranges are then joined in order (issues listed as one pass would list them, kept rows
        // moved together when some were rejected).
        RangeResult Pass(int start, int end)
        {
            var issues = new IssueCollector(_options.MaxListedIssuesPerKind);
            int[]? keptRows = null;
            var kept = start;
            for (var row = start; row < end; row++)
            {
                string TransactionId() => ids[row];
                var rawCustomer = customerColumn[row];
                var rawProduct = productColumn[row];
                var customerIndex = allCustomersAdded ? rawCustomer : customerMap[rawCustomer];
                var productIndex = allProductsAdded ? rawProduct : productMap[rawProduct];
                var rejected = false;
                EnrichmentIssueKind? reason = null; // why the row is left out: the first reason found
                void LeaveOut(EnrichmentIssueKind kind)
                {
                    rejected = true;
                    reason ??= kind;
                }

                if (!allCustomersAdded && !customerAdded[rawCustomer])
                {
                    if (customerIndex < 0)
                    {
                        LeaveOut(EnrichmentIssueKind.UnknownCustomer);
                    }

                    if (issues.Count(EnrichmentIssueKind.UnknownCustomer))
                    {
                        issues.List(_sources.At(row, new EnrichmentIssue(EnrichmentIssueKind.UnknownCustomer, customerIndex < 0, TransactionId(), _customerIds[rawCustomer], _productIds[rawProduct], $"Transaction '{TransactionId()}' names customer '{_customerIds[rawCustomer]}', which is not among the customers.")));
                    }
                }

                if (!allProductsAdded && !productAdded[rawProduct])
                {
                    if (productIndex < 0)
                    {
                        LeaveOut(EnrichmentIssueKind.UnknownProduct);
                    }

                    if (issues.Count(EnrichmentIssueKind.UnknownProduct))
                    {
                        issues.List(_sources.At(row, new EnrichmentIssue(EnrichmentIssueKind.UnknownProduct, productIndex < 0, TransactionId(), _customerIds[rawCustomer], _productIds[rawProduct], $"Transaction '{TransactionId()}' names product '{_productIds[rawProduct]}', which is not among the products.")));
                    }
                }

                if (firstRowOfId is not null && firstRowOfId[row] != row)
                {
                    var drop = _options.DuplicateTransactions == DuplicateTransactionPolicy.KeepFirst;
                    if (drop)
                    {
                        LeaveOut(EnrichmentIssueKind.DuplicateTransactionId);
                    }

                    if (issues.Count(EnrichmentIssueKind.DuplicateTransactionId))
                    {
                        issues.List(_sources.At(row, new EnrichmentIssue(EnrichmentIssueKind.DuplicateTransactionId, drop, TransactionId(), _customerIds[rawCustomer], _productIds[rawProduct], $"Transaction id '{TransactionId()}' appears again (first at row {firstRowOfId[row] + 1}).")));
                    }
                }

                var quantity = quantityColumn[row];
                var unitPrice = unitPriceColumn is null ? Money.None : unitPriceColumn[row];
                var revenue = lineTotalColumn is null ? Money.None : lineTotalColumn[row];
                if (unitPrice == Money.None && productIndex >= 0)
                {
                    unitPrice = listPrices[productIndex];
                }

                if (revenue == Money.None)
                {
                    if (unitPrice == Money.None)
                    {
                        if (!rejected)
                        {
                            LeaveOut(EnrichmentIssueKind.MissingPrice);
                            if (issues.Count(EnrichmentIssueKind.MissingPrice))
                            {
                                issues.List(_sources.At(row, new EnrichmentIssue(EnrichmentIssueKind.MissingPrice, true, TransactionId(), _customerIds[rawCustomer], _productIds[rawProduct], $"Transaction '{TransactionId()}' has no unit price and product '{_productIds[rawProduct]}' has no list price.")));
                            }
                        }
                    }
                    else if (!Money.TryMultiply(quantity, unitPrice, out revenue))
                    {
                        LeaveOut(EnrichmentIssueKind.MoneyOutOfRange);
                        if (issues.Count(EnrichmentIssueKind.MoneyOutOfRange))
                        {
                            issues.List(_sources.At(row, new EnrichmentIssue(EnrichmentIssueKind.MoneyOutOfRange, true, TransactionId(), _customerIds[rawCustomer], _productIds[rawProduct], $"Transaction '{TransactionId()}': quantity × unit price is too large to keep exactly.")));
                        }
                    }
                }

                if (rejected)
                {
                    issues.LeaveOut(reason!.Value);
                    if (keptRows is null)
                    {
                        keptRows = new int[end - start];
                        for (var i = 0; i < kept - start; i++)
                        {
                            keptRows[i] = start + i;
                        }
                    }

                    continue;
                }

                if (quantity <= 0)
                {
                    ReportQuantity(issues, ids, row, rawCustomer, rawProduct, quantity);
                }

                if (ticksColumn[row] / TimeSpan.TicksPerDay < signupDays[customerIndex] && customers[customerIndex].SignupDate is { } signup)
                {
                    ReportBeforeSignup(issues, ids, row, rawCustomer, rawProduct, ticksColumn[row], signup);
                }

                // Rows move only once one was rejected; indexes change only when some reference was unknown.
                if (kept != row || !allCustomersAdded)
                {
                    customerColumn[kept] = customerIndex;
                }

                if (kept != row || !allProductsAdded)
                {
                    productColumn[kept] = productIndex;
                }

                if (kept != row)
                {
                    orderColumn[kept] = orderColumn[row];
                    quantityColumn[kept] = quantity;
                    ticksColumn[kept] = ticksColumn[row];
                }

                if (unitPriceColumn is not null)
                {
                    unitPriceColumn[kept] = unitPrice;
                }

                revenueColumn[kept] = revenue;
                if (keptRows is not null)
                {
                    keptRows[kept - start] = row;
                }

                kept++;
            }

            return new RangeResult(start, end, kept - start, keptRows, issues);
        }

        var ranges = rowCount < ParallelRowThreshold ? 1 : _options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        var passes = new RangeResult[ranges];
        Parallel.For(0, ranges, r =>
        {
            var (start, end) = ((int)((long)rowCount * r / ranges), (int)((long)rowCount * (r + 1) / ranges));
            passes[r] = (simple ? SimplePass(start, end) : null) ?? Pass(start, end);
        });
        var kept = 0;
        int[]? allKeptRows = null;
        foreach (var pass in passes)
        {
            _issues.Absorb(pass.Issues);
            if (pass.Kept != pass.End - pass.Start || allKeptRows is not null)
            {
                allKeptRows ??= MakeIdentity(rowCount, kept);
                MoveKept(pass, kept, allKeptRows, customerColumn, productColumn, orderColumn, quantityColumn, ticksColumn, revenueColumn, unitPriceColumn);
            }

            kept += pass.Kept;
        }

        int[]? keptRows = allKeptRows;

        var (namedOrderIds, ownOrderRows) = NumberOrders(orderColumn, kept, _orderIds.ToColumn(), allKept: kept == rowCount);

        var report = new EnrichmentReport
        {
            TransactionsRead = _transactionsRead,
            TransactionsKept = kept,
            Counts = _issues.Counts.ToImmutableSortedDictionary(),
            LeftOut = _issues.LeftOut.ToImmutableSortedDictionary(),
            Issues = [.. _issues.Listed],
        };
        if (_options.StrictReferences && UnknownReferenceError.Create(report, _options) is { } error)
        {
            throw error;
        }

        return new EnrichedDataset(
            customers,
            customerSegments,
            products,
            productCategories,
            segments,
            categories,
            Trim(customerColumn, kept),
            Trim(productColumn, kept),
            Trim(orderColumn, kept),
            Trim(quantityColumn, kept),
            Trim(ticksColumn, kept),
            Trim(revenueColumn, kept),
            unitPriceColumn is null ? null : Trim(unitPriceColumn, kept),
            keptRows is null ? ids : ids.Select(keptRows.AsSpan(0, kept)),
            namedOrderIds,
            ownOrderRows,
            report,
            customerLookup.GetAwaiter().GetResult())
        {
            GuestCustomer = _guestCustomerId is null ? -1 : Array.FindIndex(customers, c => c.Id == _guestCustomerId),
        };
    }

    /// <summary>
    /// Numbers the orders of the kept rows (the first <paramref name="kept"/>): a named order counts only when a kept
    /// row is in it, so the named orders some kept row uses are renumbered densely (in the order their ids first
    /// appeared); a line without an order id is an order of its own, numbered after them.
    /// </summary>
    private static (IdColumn Named, int[] OwnRows) NumberOrders(int[] orders, int kept, IdColumn named, bool allKept)
    {
        // Every order id entered with a line, so when every line is kept every named order is used.
        if (!allKept)
        {
            var map = new int[named.Count];
            Array.Fill(map, -1);
            for (var row = 0; row < kept; row++)
            {
                if (orders[row] >= 0)
                {
                    map[orders[row]] = 0;
                }
            }

            var used = new GrowableArray<int>(0);
            for (var order = 0; order < map.Length; order++)
            {
                if (map[order] == 0)
                {
                    map[order] = used.Count;
                    used.Add(order);
                }
            }

            if (used.Count != named.Count)
            {
                for (var row = 0; row < kept; row++)
                {
                    if (orders[row] >= 0)
                    {
                        orders[row] = map[orders[row]];
                    }
                }

                named = named.Select(used.ToTrimmedArray());
            }
        }

        var ownOrderRows = new GrowableArray<int>(0);
        for (var row = 0; row < kept; row++)
        {
            if (orders[row] < 0)
            {
                orders[row] = named.Count + ownOrderRows.Count;
                ownOrderRows.Add(row);
            }
        }

        return (named, ownOrderRows.ToTrimmedArray());
    }

    private static T[] Trim<T>(T[] array, int length)
    {
        if (array.Length != length)
        {
            Array.Resize(ref array, length);
        }

        return array;
    }

    private static int[] MapDimension<T>(List<T?> records, Interner ids, UnknownReferencePolicy policy, Func<string, T> makeUnknown, out T[] table)
        where T : class
    {
        var map = new int[records.Count];
        var result = new List<T>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i] is { } record)
            {
                map[i] = result.Count;
                result.Add(record);
            }
        }

        for (var i = 0; i < records.Count; i++)
        {
            if (records[i] is null)
            {
                if (policy == UnknownReferencePolicy.KeepAsUnknown)
                {
                    map[i] = result.Count;
                    result.Add(makeUnknown(ids[i]));
                }
                else
                {
                    map[i] = -1;
                }
            }
        }

        table = [.. result];
        return map;
    }

    private static (string[] Values, int[] Codes) Encode<T>(T[] records, Func<T, string> key)
    {
        // Codes by first appearance, then renumbered in ordinal order of the values.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<string>();
        var codes = new int[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            var value = key(records[i]);
            if (!index.TryGetValue(value, out var code))
            {
                code = values.Count;
                index.Add(value, code);
                values.Add(value);
            }

            codes[i] = code;
        }

        var sorted = values.Order(StringComparer.Ordinal).ToArray();
        var rank = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            rank[index[sorted[i]]] = i;
        }

        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = rank[codes[i]];
        }

        return (sorted, codes);
    }

    /// <summary>For each row, the first row with the same id; <see langword="null"/> when no id repeats.</summary>
    private static int[]? FindDuplicateIds(IdColumn ids)
    {
        var rowCount = ids.Count;
        int[]? first = null;
        void Repeat(int row, int firstRow)
        {
            if (first is null)
            {
                first = new int[rowCount];
                for (var i = 0; i < rowCount; i++)
                {
                    first[i] = i;
                }
            }

            first[row] = firstRow;
        }

        if (!ids.IsNumeric)
        {
            var seen = new Dictionary<string, int>(rowCount, StringComparer.Ordinal);
            for (var row = 0; row < rowCount; row++)
            {
                if (!seen.TryAdd(ids[row], row))
                {
                    Repeat(row, seen[ids[row]]);
                }
            }

            return first;
        }

        // Integer ids: rising ids (the usual case) cannot repeat; otherwise sort them with their rows.
        var rising = true;
        for (var row = 1; row < rowCount && rising; row++)
        {
            rising = ids.NumberAt(row) > ids.NumberAt(row - 1);
        }

        if (rising)
        {
            return null;
        }

        var keys = new long[rowCount];
        var rows = new int[rowCount];
        for (var row = 0; row < rowCount; row++)
        {
            keys[row] = ids.NumberAt(row);
            rows[row] = row;
        }

        Array.Sort(keys, rows);
        for (var start = 0; start < rowCount;)
        {
            var end = start + 1;
            var firstRow = rows[start];
            while (end < rowCount && keys[end] == keys[start])
            {
                firstRow = Math.Min(firstRow, rows[end]);
                end++;
            }

            for (var k = start; k < end; k++)
            {
                if (rows[k] != firstRow)
                {
                    Repeat(rows[k], firstRow);
                }
            }

            start = end;
        }

        return first;
    }

    private int InternCustomer(string id) => Intern(_customerIds, _customers, id);

    private int InternProduct(string id) => Intern(_productIds, _products, id);

    /// <summary>The index of an id, registered (its record not yet known) when new.</summary>
    private static int Intern<T>(Interner ids, List<T?> records, string id)
        where T : class
    {
        var index = ids.Intern(id);
        if (index == records.Count)
        {
            records.Add(null);
        }

        return index;
    }

    /// <summary>
    /// The index of an id given as UTF-8: looked up by its bytes; when new, a part keeps the bytes (see
    /// <see cref="ForPart()"/>) and any other builder interns the string.
    /// </summary>
    private int IndexOf<T>(ReadOnlySpan<byte> id, Utf8IdTable bytes, Utf8KeyList? partKeys, Interner ids, List<T?> records)
        where T : class
    {
        if (!bytes.TryGetValue(id, out var index))
        {
            ThrowIfBuilt();
            if (partKeys is not null)
            {
                records.Add(null);
                index = partKeys.Add(id);
            }
            else
            {
                index = Intern(ids, records, Encoding.UTF8.GetString(id));
            }

            bytes.Add(id, index);
        }

        return index;
    }

    /// <summary>A zero quantity or a return, counted, and listed (its id formatted) as the report's limit allows.</summary>
    private void ReportQuantity(IssueCollector issues, IdColumn ids, int row, int customer, int product, int quantity)
    {
        var kind = quantity == 0 ? EnrichmentIssueKind.ZeroQuantity : EnrichmentIssueKind.Return;
        if (issues.Count(kind))
        {
            var id = ids[row];
            issues.List(_sources.At(row, new EnrichmentIssue(kind, false, id, _customerIds[customer], _productIds[product], quantity == 0 ? $"Transaction '{id}' has quantity 0." : $"Transaction '{id}' is a return of {(-quantity).ToString(CultureInfo.InvariantCulture)} unit(s).")));
        }
    }

    /// <summary>A purchase before the customer's signup, counted and listed as the report's limit allows.</summary>
    private void ReportBeforeSignup(IssueCollector issues, IdColumn ids, int row, int customer, int product, long ticks, DateOnly signup)
    {
        if (issues.Count(EnrichmentIssueKind.PurchaseBeforeSignup))
        {
            var id = ids[row];
            issues.List(_sources.At(row, new EnrichmentIssue(EnrichmentIssueKind.PurchaseBeforeSignup, false, id, _customerIds[customer], _productIds[product], $"Transaction '{id}' on {new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is before customer '{_customerIds[customer]}' signed up ({signup.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).")));
        }
    }

    /// <summary>Indexes of a part (−1: none) → indexes here, in place.</summary>
    private static void Remap(ChunkedColumn<int> column, int[] map)
    {
        for (var c = 0; c < column.ChunkCount; c++)
        {
            var chunk = column.ChunkSpan(c);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (chunk[i] >= 0)
                {
                    chunk[i] = map[chunk[i]];
                }
            }
        }
    }

    private static void AppendOptional(ref ChunkedColumn<long>? column, ChunkedColumn<long>? part, int rowsBefore, int partRows)
    {
        if (part is null)
        {
            column?.AddMany(Money.None, partRows);
            return;
        }

        if (column is null)
        {
            column = new ChunkedColumn<long>();
            column.AddMany(Money.None, rowsBefore);
        }

        column.MoveFrom(part);
    }

    private static void AddOptional(ref ChunkedColumn<long>? column, long units, int rowsBefore)
    {
        if (column is null)
        {
            if (units == Money.None)
            {
                return;
            }

            column = new ChunkedColumn<long>();
            column.AddMany(Money.None, rowsBefore);
        }

        column.Add(units);
    }

    internal void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder has built its dataset already; create a new builder for another dataset.");
        }
    }

    /// <summary>
    /// Column arrays shared by the parts of a parallel load, one region per part: allocated once at the size the rows
    /// are expected to have, so that no row is written to memory twice (in this kind of machine, memory touched for the
    /// first time costs more than the parsing that fills it).
    /// </summary>
    internal sealed class PartColumns(int rows)
    {
        public int[] Customers { get; } = LargeArray.Uninitialized<int>(rows);

        public int[] Products { get; } = LargeArray.Uninitialized<int>(rows);

        public int[] Orders { get; } = LargeArray.Uninitialized<int>(rows);

        public int[] Quantities { get; } = LargeArray.Uninitialized<int>(rows);

        public long[] Ticks { get; } = LargeArray.Uninitialized<long>(rows);
    }

    /// <summary>Below this many rows, the row pass of <see cref="Build"/> runs on one core.</summary>
    private const int ParallelRowThreshold = 1 << 16;

    /// <summary>Row indexes 0 … <paramref name="count"/> − 1 in an array of <paramref name="length"/>.</summary>
    private static int[] MakeIdentity(int length, int count)
    {
        var rows = new int[length];
        for (var i = 0; i < count; i++)
        {
            rows[i] = i;
        }

        return rows;
    }

    /// <summary>Moves the rows a range kept (at its start) to <paramref name="to"/>, recording their original rows.</summary>
    private static void MoveKept(RangeResult pass, int to, int[] keptRows, int[] customers, int[] products, int[] orders, int[] quantities, long[] ticks, long[] revenue, long[]? unitPrices)
    {
        void Move<T>(T[] column) => Array.Copy(column, pass.Start, column, to, pass.Kept);
        Move(customers);
        Move(products);
        Move(orders);
        Move(quantities);
        Move(ticks);
        Move(revenue);
        if (unitPrices is not null)
        {
            Move(unitPrices);
        }

        for (var i = 0; i < pass.Kept; i++)
        {
            keptRows[to + i] = pass.KeptRows is null ? pass.Start + i : pass.KeptRows[i];
        }
    }

    /// <summary>What one range of the row pass kept: its first <see cref="Kept"/> rows (originally <see cref="KeptRows"/>, or the range's first rows when <see langword="null"/>).</summary>
    private readonly record struct RangeResult(int Start, int End, int Kept, int[]? KeptRows, IssueCollector Issues);

    private sealed class IssueCollector(int maxPerKind)
    {
        public Dictionary<EnrichmentIssueKind, int> Counts { get; } = [];

        public List<EnrichmentIssue> Listed { get; } = [];

        /// <summary>The rows left out, each counted once under the first reason found.</summary>
        public Dictionary<EnrichmentIssueKind, int> LeftOut { get; } = [];

        public void LeaveOut(EnrichmentIssueKind reason) => LeftOut[reason] = LeftOut.GetValueOrDefault(reason) + 1;

        /// <summary>Counts one issue of a kind; returns whether it is to be listed too.</summary>
        public bool Count(EnrichmentIssueKind kind)
        {
            var count = Counts.GetValueOrDefault(kind) + 1;
            Counts[kind] = count;
            return count <= maxPerKind;
        }

        public void List(EnrichmentIssue issue) => Listed.Add(issue);

        /// <summary>
        /// Adds the issues of a later range: its counts, and its listed issues as far as one pass over both would have
        /// listed them (the first <c>maxPerKind</c> of each kind).
        /// </summary>
        public void Absorb(IssueCollector later)
        {
            var ordinals = new Dictionary<EnrichmentIssueKind, int>();
            foreach (var issue in later.Listed)
            {
                var ordinal = ordinals.GetValueOrDefault(issue.Kind) + 1;
                ordinals[issue.Kind] = ordinal;
                if (Counts.GetValueOrDefault(issue.Kind) + ordinal <= maxPerKind)
                {
                    Listed.Add(issue);
                }
            }

            foreach (var (kind, count) in later.Counts)
            {
                Counts[kind] = Counts.GetValueOrDefault(kind) + count;
            }

            foreach (var (kind, count) in later.LeftOut)
            {
                LeftOut[kind] = LeftOut.GetValueOrDefault(kind) + count;
            }
        }
    }
}
