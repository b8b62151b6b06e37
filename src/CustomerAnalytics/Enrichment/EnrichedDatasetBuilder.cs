using System.Collections.Immutable;
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

    private EnrichedDatasetBuilder(TransactionStaging part)
    {
        _options = EnrichmentOptions.Default;
        _staging = part;
    }

    /// <summary>The number of transactions added so far (kept or already rejected).</summary>
    public int TransactionCount => _staging.TransactionsRead;

    /// <summary>What this builder holds until <see cref="Build"/>: the loaders' row sinks write to it.</summary>
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

    internal void AddRow(string? id, string customerId, string productId, int quantity, long utcTicks, long unitPriceUnits, string? orderId, long lineTotalUnits) =>
        _staging.AddRow(id, customerId, productId, quantity, utcTicks, unitPriceUnits, orderId, lineTotalUnits);

    internal void AddRow(string? textId, long numericId, int customerIndex, int productIndex, int quantity, long utcTicks, long unitPriceUnits, int orderIndex, long lineTotalUnits, long line) =>
        _staging.AddRow(textId, numericId, customerIndex, productIndex, quantity, utcTicks, unitPriceUnits, orderIndex, lineTotalUnits, line);

    internal void BeginSource(string source) => _staging.BeginSource(source);

    internal int CustomerIndex(string customerId)
    {
        ThrowIfBuilt();
        return _staging.Customers.IndexOf(customerId);
    }

    internal int CustomerIndex(ReadOnlySpan<byte> customerId)
    {
        ThrowIfBuilt();
        return _staging.Customers.IndexOf(customerId);
    }

    internal int ProductIndex(string productId)
    {
        ThrowIfBuilt();
        return _staging.Products.IndexOf(productId);
    }

    internal int ProductIndex(ReadOnlySpan<byte> productId)
    {
        ThrowIfBuilt();
        return _staging.Products.IndexOf(productId);
    }

    internal int OrderIndex(string orderId)
    {
        ThrowIfBuilt();
        return _staging.Orders.Intern(orderId);
    }

    internal int OrderIndex(long orderNumber)
    {
        ThrowIfBuilt();
        return _staging.Orders.Intern(orderNumber);
    }

    internal static EnrichedDatasetBuilder ForPart() => new(TransactionStaging.ForPart());

    internal static EnrichedDatasetBuilder ForPart(PartColumns columns, int offset, int capacity) => new(TransactionStaging.ForPart(columns, offset, capacity));

    internal void Append(EnrichedDatasetBuilder part, long numberOffset, long lineOffset) => _staging.Append(part._staging, numberOffset, lineOffset);

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
        _staging.Seal();
        var sources = _staging.Columns.Sources;
        var customerIds = _staging.Customers;
        var productIds = _staging.Products;

        // Dimension tables: known records in the order added, then records made for unknown ids (when kept).
        var customerMap = MapDimension(_staging.Customers, _options.UnknownCustomers, id => new Customer(id, _options.UnknownLabel), out var customers);
        var productMap = MapDimension(_staging.Products, _options.UnknownProducts, id => new Product(id, _options.UnknownLabel), out var products);
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

        var sealedColumns = _staging.Columns.Seal();
        var rowCount = sealedColumns.RowCount;
        var (customerColumn, productColumn, orderColumn, quantityColumn) = (sealedColumns.Customers, sealedColumns.Products, sealedColumns.Orders, sealedColumns.Quantities);
        var (ticksColumn, revenueColumn, unitPriceColumn, lineTotalColumn) = (sealedColumns.Ticks, sealedColumns.Revenue, sealedColumns.UnitPrices, sealedColumns.LineTotals);
        var ids = sealedColumns.Ids;

        // Without a line that brought its own unit price, every row's unit price is its product's list price: the
        // dataset derives it rather than storing it.
        var listPrices = Array.ConvertAll(products, EnrichedDataset.ListPriceUnitsOf);
        var firstRowOfId = FindDuplicateIds(ids);

        // Per customer, the day number of its signup (int.MinValue when unknown: no purchase precedes it); per raw
        // index, whether the customer or product was added (not only referenced).
        var signupDays = Array.ConvertAll(customers, c => c.SignupDate?.DayNumber ?? int.MinValue);
        var customerAdded = customerIds.Records.Select(c => c is not null).ToArray();
        var productAdded = productIds.Records.Select(p => p is not null).ToArray();

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
            var issues = JoinIssues.Collector(_options.MaxListedIssuesPerKind);
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
            var issues = JoinIssues.Collector(_options.MaxListedIssuesPerKind);
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
                        issues.List(sources.At(row, JoinIssues.UnknownCustomer(customerIndex < 0, TransactionId(), customerIds[rawCustomer], productIds[rawProduct])));
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
                        issues.List(sources.At(row, JoinIssues.UnknownProduct(productIndex < 0, TransactionId(), customerIds[rawCustomer], productIds[rawProduct])));
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
                        issues.List(sources.At(row, JoinIssues.DuplicateTransactionId(drop, TransactionId(), customerIds[rawCustomer], productIds[rawProduct], firstRowOfId[row])));
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
                                issues.List(sources.At(row, JoinIssues.MissingPrice(TransactionId(), customerIds[rawCustomer], productIds[rawProduct])));
                            }
                        }
                    }
                    else if (!Money.TryMultiply(quantity, unitPrice, out revenue))
                    {
                        LeaveOut(EnrichmentIssueKind.MoneyOutOfRange);
                        if (issues.Count(EnrichmentIssueKind.MoneyOutOfRange))
                        {
                            issues.List(sources.At(row, JoinIssues.RevenueOutOfRange(TransactionId(), customerIds[rawCustomer], productIds[rawProduct])));
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
            _staging.Issues.Absorb(pass.Issues);
            if (pass.Kept != pass.End - pass.Start || allKeptRows is not null)
            {
                allKeptRows ??= MakeIdentity(rowCount, kept);
                MoveKept(pass, kept, allKeptRows, customerColumn, productColumn, orderColumn, quantityColumn, ticksColumn, revenueColumn, unitPriceColumn);
            }

            kept += pass.Kept;
        }

        int[]? keptRows = allKeptRows;

        var (namedOrderIds, ownOrderRows) = NumberOrders(orderColumn, kept, _staging.Orders.ToColumn(), allKept: kept == rowCount);

        var report = new EnrichmentReport
        {
            TransactionsRead = _staging.TransactionsRead,
            TransactionsKept = kept,
            Counts = _staging.Issues.Counts.ToImmutableSortedDictionary(),
            LeftOut = _staging.Issues.LeftOut.ToImmutableSortedDictionary(),
            Issues = [.. _staging.Issues.Listed],
        };
        if (_options.StrictReferences && UnknownReferenceError.Create(report, _options) is { } error)
        {
            StagingThrow.DataLoadException_UnknownReferences(error);
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
            GuestCustomer = _staging.GuestCustomerId is not { } guest ? -1 : Array.FindIndex(customers, c => c.Id == guest),
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

    private static int[] MapDimension<T>(IdRegistry<T> ids, UnknownReferencePolicy policy, Func<string, T> makeUnknown, out T[] table)
        where T : class
    {
        var records = ids.Records;
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

    /// <summary>A zero quantity or a return, counted, and listed (its id formatted) as the report's limit allows.</summary>
    private void ReportQuantity(IssueCollector<EnrichmentIssueKind, EnrichmentIssue> issues, IdColumn ids, int row, int customer, int product, int quantity)
    {
        var kind = quantity == 0 ? EnrichmentIssueKind.ZeroQuantity : EnrichmentIssueKind.Return;
        if (issues.Count(kind))
        {
            issues.List(_staging.Columns.Sources.At(row, JoinIssues.Quantity(ids[row], _staging.Customers[customer], _staging.Products[product], quantity)));
        }
    }

    /// <summary>A purchase before the customer's signup, counted and listed as the report's limit allows.</summary>
    private void ReportBeforeSignup(IssueCollector<EnrichmentIssueKind, EnrichmentIssue> issues, IdColumn ids, int row, int customer, int product, long ticks, DateOnly signup)
    {
        if (issues.Count(EnrichmentIssueKind.PurchaseBeforeSignup))
        {
            issues.List(_staging.Columns.Sources.At(row, JoinIssues.BeforeSignup(ids[row], _staging.Customers[customer], _staging.Products[product], ticks, signup)));
        }
    }

    internal void ThrowIfBuilt() => _staging.ThrowIfSealed();

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
    private readonly record struct RangeResult(int Start, int End, int Kept, int[]? KeptRows, IssueCollector<EnrichmentIssueKind, EnrichmentIssue> Issues);
}
