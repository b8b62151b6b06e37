using CustomerAnalytics.Internal;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Enrichment;

/// <summary>
/// Customers × products × transactions, joined, with revenue derived: the one input of every KPI, recommender and
/// artifact. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// <para>The dataset is columnar: one array per column, with customers, products, segments, categories and orders
/// interned to dense indexes. <see cref="CustomerIndexes"/>[row] indexes <see cref="Customers"/>,
/// <see cref="ProductIndexes"/>[row] indexes <see cref="Products"/>, and so on. Loops over these spans are how the
/// calculators run; <see cref="Rows"/> gives the same data as <see cref="EnrichedTransaction"/> values for LINQ.</para>
/// <para>Build one with <see cref="EnrichedDatasetBuilder"/>.</para>
/// </remarks>
public sealed class EnrichedDataset
{
    private readonly Dictionary<string, int> _customerLookup;
    private readonly Dictionary<string, int> _productLookup;
    private readonly IdColumn _transactionIds;
    private readonly IdColumn _namedOrderIds;
    private readonly int[] _ownOrderRows;
    private Dictionary<int, string>? _renamedOwnOrders;
    private readonly long[]? _unitPriceUnits;
    private readonly object _orderFactsLock = new();
    private OrderFacts? _orderFacts;

    /// <summary>The columns, with ids stored compactly; <c>unitPriceUnits</c> is <see langword="null"/> when every row's unit price is its product's list price.</summary>
    internal EnrichedDataset(
        Customer[] customers,
        int[] customerSegments,
        Product[] products,
        int[] productCategories,
        string[] segments,
        string[] categories,
        int[] customerIndexes,
        int[] productIndexes,
        int[] orderIndexes,
        int[] quantities,
        long[] timestampTicks,
        long[] revenueUnits,
        long[]? unitPriceUnits,
        IdColumn transactionIds,
        IdColumn namedOrderIds,
        int[] ownOrderRows,
        EnrichmentReport report,
        Dictionary<string, int>? customerLookup = null)
    {
        CustomerTable = customers;
        CustomerSegmentTable = customerSegments;
        ProductTable = products;
        ProductCategoryTable = productCategories;
        SegmentTable = segments;
        CategoryTable = categories;
        CustomerColumn = customerIndexes;
        ProductColumn = productIndexes;
        OrderColumn = orderIndexes;
        QuantityColumn = quantities;
        TicksColumn = timestampTicks;
        RevenueUnits = revenueUnits;
        _unitPriceUnits = unitPriceUnits;
        _transactionIds = transactionIds;
        _namedOrderIds = namedOrderIds;
        _ownOrderRows = ownOrderRows;
        Report = report;
        ListPriceUnits = new long[products.Length];
        for (var i = 0; i < products.Length; i++)
        {
            ListPriceUnits[i] = ListPriceUnitsOf(products[i]);
        }

        _customerLookup = customerLookup ?? CustomerLookup(customers);

        _productLookup = new Dictionary<string, int>(products.Length, StringComparer.Ordinal);
        for (var i = 0; i < products.Length; i++)
        {
            _productLookup.Add(products[i].Id, i);
        }
    }

    /// <summary>Customer id → index in <paramref name="customers"/>.</summary>
    internal static Dictionary<string, int> CustomerLookup(Customer[] customers)
    {
        var lookup = new Dictionary<string, int>(customers.Length, StringComparer.Ordinal);
        for (var i = 0; i < customers.Length; i++)
        {
            lookup.Add(customers[i].Id, i);
        }

        return lookup;
    }

    /// <summary>The number of transactions (rows).</summary>
    public int TransactionCount => CustomerColumn.Length;

    /// <summary>The number of distinct orders with at least one kept line (an order whose every line was left out is no order).</summary>
    public int OrderCount => _namedOrderIds.Count + _ownOrderRows.Length;

    /// <summary>
    /// The index in <see cref="Customers"/> of the guest customer, who holds the lines without a customer
    /// (<see cref="Loading.LoadOptions.KeepGuestLines"/>, <see cref="EnrichedDatasetBuilder.AddGuestCustomer"/>); −1 when
    /// there is none.
    /// </summary>
    /// <value>
    /// The guest's lines count in every total (revenue, units, orders, by segment, by category, products, periods); the
    /// guest is not a customer to the per-customer analyses: customer counts, by-customer KPIs, repeat purchases,
    /// cohorts, RFM, the lifetime summary and CLV, and recommendations for every customer leave it out.
    /// </value>
    public int GuestCustomer { get; internal init; } = -1;

    /// <summary>Whether <paramref name="customer"/> (an index in <see cref="Customers"/>) is the <see cref="GuestCustomer"/>.</summary>
    /// <param name="customer">The customer index.</param>
    /// <returns><see langword="true"/> for the guest.</returns>
    public bool IsGuest(int customer) => customer == GuestCustomer && customer >= 0;

    /// <summary>The customers, indexed by <see cref="CustomerIndexes"/>; every customer added, bought or not.</summary>
    public IReadOnlyList<Customer> Customers => CustomerTable;

    /// <summary>The products, indexed by <see cref="ProductIndexes"/>; every product added, sold or not.</summary>
    public IReadOnlyList<Product> Products => ProductTable;

    /// <summary>The distinct segments, in ordinal order, indexed by <see cref="CustomerSegments"/>.</summary>
    public IReadOnlyList<string> Segments => SegmentTable;

    /// <summary>The distinct categories, in ordinal order, indexed by <see cref="ProductCategories"/>.</summary>
    public IReadOnlyList<string> Categories => CategoryTable;

    /// <summary>For each customer, the index of its segment in <see cref="Segments"/>.</summary>
    public ReadOnlySpan<int> CustomerSegments => CustomerSegmentTable;

    /// <summary>For each product, the index of its category in <see cref="Categories"/>.</summary>
    public ReadOnlySpan<int> ProductCategories => ProductCategoryTable;

    /// <summary>Whether a weight column was loaded (<see cref="Loading.TransactionColumns.Weight"/>), so <see cref="Weights"/> has one value per row.</summary>
    public bool HasWeights => WeightColumn is not null;

    /// <summary>
    /// For each row, its weight (a rating or an event's weight; <see cref="float.NaN"/> for a row that brought none);
    /// empty when <see cref="HasWeights"/> is <see langword="false"/>. Only the recommenders' affinity uses it
    /// (<see cref="Recommendations.AffinityWeight.Weight"/>); revenue is quantity × price whatever the weight.
    /// </summary>
    public ReadOnlySpan<float> Weights => WeightColumn;

    /// <summary>
    /// Every loaded row, the sales and the events that are not sales (views, carts: the types of
    /// <see cref="Loading.LoadOptions.EventWeights"/> missing from <see cref="Loading.LoadOptions.SaleEvents"/>), with the
    /// same customers and products; this dataset itself when every row is a sale. Only the recommenders read it, for
    /// their weight (<see cref="Recommendations.AffinityWeight.Weight"/>, <see cref="Recommendations.PopularityMeasure.Weight"/>);
    /// revenue and every KPI come from this dataset's rows, the sales.
    /// </summary>
    public EnrichedDataset Interactions => InteractionsDataset ?? this;

    /// <summary>For each row, the index of its customer in <see cref="Customers"/>.</summary>
    public ReadOnlySpan<int> CustomerIndexes => CustomerColumn;

    /// <summary>For each row, the index of its product in <see cref="Products"/>.</summary>
    public ReadOnlySpan<int> ProductIndexes => ProductColumn;

    /// <summary>For each row, the index of its order (0 to <see cref="OrderCount"/> − 1); see <see cref="GetOrderId"/>.</summary>
    public ReadOnlySpan<int> OrderIndexes => OrderColumn;

    /// <summary>For each row, the quantity; negative for a return.</summary>
    public ReadOnlySpan<int> Quantities => QuantityColumn;

    /// <summary>For each row, the timestamp as UTC ticks (<see cref="DateTimeOffset.UtcTicks"/>).</summary>
    public ReadOnlySpan<long> TimestampTicks => TicksColumn;

    /// <summary>What happened while the dataset was built.</summary>
    public EnrichmentReport Report { get; }

    /// <summary>The row view of every transaction, in row order.</summary>
    public IEnumerable<EnrichedTransaction> Rows
    {
        get
        {
            for (var row = 0; row < TransactionCount; row++)
            {
                yield return this[row];
            }
        }
    }

    internal Customer[] CustomerTable { get; }

    internal int[] CustomerSegmentTable { get; }

    internal Product[] ProductTable { get; }

    internal int[] ProductCategoryTable { get; }

    internal string[] SegmentTable { get; }

    internal string[] CategoryTable { get; }

    internal int[] CustomerColumn { get; }

    internal int[] ProductColumn { get; }

    internal int[] OrderColumn { get; }

    internal int[] QuantityColumn { get; }

    /// <summary>The dataset of every row when some are not sales (<see cref="Interactions"/>), else <see langword="null"/>.</summary>
    internal EnrichedDataset? InteractionsDataset { get; init; }

    /// <summary>The weights, or <see langword="null"/> when none was loaded.</summary>
    internal float[]? WeightColumn { get; init; }

    internal long[] TicksColumn { get; }

    /// <summary>Revenue per row in units of 1/10,000 (see <see cref="Money"/>).</summary>
    internal long[] RevenueUnits { get; }

    /// <summary>Unit price per row in units of 1/10,000, or <see cref="Money.None"/>; made on each call when not stored.</summary>
    internal long[] UnitPriceUnits
    {
        get
        {
            if (_unitPriceUnits is not null)
            {
                return _unitPriceUnits;
            }

            var result = new long[ProductColumn.Length];
            for (var row = 0; row < result.Length; row++)
            {
                result[row] = ListPriceUnits[ProductColumn[row]];
            }

            return result;
        }
    }

    /// <summary>Each product's list price in units of 1/10,000, or <see cref="Money.None"/>.</summary>
    internal long[] ListPriceUnits { get; }

    /// <summary>
    /// The per-order facts every customer KPI, RFM and lifetime calculation starts from: built on first use, once
    /// (thread-safe), and kept with the dataset, so the analyses of a run share one copy.
    /// </summary>
    internal OrderFacts OrderFacts => Volatile.Read(ref _orderFacts) ?? BuildOrderFacts();

    /// <summary>The bytes of the per-row columns and of the order ids, for measuring; dimension tables excluded.</summary>
    internal long ColumnBytes() =>
        (4L * (CustomerColumn.Length + ProductColumn.Length + OrderColumn.Length + QuantityColumn.Length + _ownOrderRows.Length + (WeightColumn?.Length ?? 0)))
        + (8L * (TicksColumn.Length + RevenueUnits.Length + (_unitPriceUnits?.Length ?? 0)))
        + _transactionIds.Bytes
        + _namedOrderIds.Bytes;

    /// <summary>The row view of one transaction.</summary>
    /// <param name="row">The 0-based row.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row of the dataset.</exception>
    public EnrichedTransaction this[int row]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, TransactionCount);
            var customer = CustomerTable[CustomerColumn[row]];
            var product = ProductTable[ProductColumn[row]];
            return new EnrichedTransaction(
                row,
                GetTransactionId(row),
                GetOrderId(OrderColumn[row]),
                customer.Id,
                SegmentTable[CustomerSegmentTable[CustomerColumn[row]]],
                customer.SignupDate,
                product.Id,
                CategoryTable[ProductCategoryTable[ProductColumn[row]]],
                QuantityColumn[row],
                GetUnitPrice(row),
                GetRevenue(row),
                new DateTimeOffset(TicksColumn[row], TimeSpan.Zero));
        }
    }

    /// <summary>The revenue of a row, exact.</summary>
    /// <param name="row">The 0-based row.</param>
    /// <returns>The revenue.</returns>
    public decimal GetRevenue(int row) => Money.ToDecimal(RevenueUnits[row]);

    /// <summary>The unit price that applied to a row, or <see langword="null"/> when the line brought only a total.</summary>
    /// <param name="row">The 0-based row.</param>
    /// <returns>The unit price, or <see langword="null"/>.</returns>
    public decimal? GetUnitPrice(int row)
    {
        var units = UnitPriceUnitsAt(row);
        return units == Money.None ? null : Money.ToDecimal(units);
    }

    /// <summary>The unit price of a row in units of 1/10,000 (the line's own, else the list price), or <see cref="Money.None"/>.</summary>
    internal long UnitPriceUnitsAt(int row) => _unitPriceUnits is not null ? _unitPriceUnits[row] : ListPriceUnits[ProductColumn[row]];

    /// <summary>The id of the transaction of a row.</summary>
    /// <param name="row">The 0-based row.</param>
    /// <returns>The transaction id.</returns>
    public string GetTransactionId(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, TransactionCount);
        return _transactionIds[row];
    }

    /// <summary>The id of an order.</summary>
    /// <param name="orderIndex">The order index, as in <see cref="OrderIndexes"/>.</param>
    /// <returns>
    /// The order id; for a line that had no order id (its own order), its transaction id, followed by as many <c>~</c> as
    /// it takes to differ from every named order id (a line with transaction id 5 and no order beside an order 5 is in
    /// order <c>5~</c>).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="orderIndex"/> is not an order of the dataset.</exception>
    public string GetOrderId(int orderIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(orderIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(orderIndex, OrderCount);
        return OrderIdCell(orderIndex, out var column, out var index) ?? column[index];
    }

    /// <summary>The transaction ids, in row order.</summary>
    internal IdColumn TransactionIdColumn => _transactionIds;

    /// <summary>
    /// Where the id of an order is kept: <see langword="null"/> and the column and index that hold it (the named order
    /// ids, or the transaction ids for an own order), or the id itself for an own order renamed with <c>~</c>.
    /// </summary>
    internal string? OrderIdCell(int orderIndex, out IdColumn column, out int index)
    {
        if (orderIndex < _namedOrderIds.Count)
        {
            (column, index) = (_namedOrderIds, orderIndex);
            return null;
        }

        var own = orderIndex - _namedOrderIds.Count;
        (column, index) = (_transactionIds, _ownOrderRows[own]);
        if (_namedOrderIds.Count == 0)
        {
            return null;
        }

        var renamed = LazyInitializer.EnsureInitialized(ref _renamedOwnOrders, RenameOwnOrders);
        return renamed.GetValueOrDefault(own);
    }

    private OrderFacts BuildOrderFacts()
    {
        lock (_orderFactsLock)
        {
            if (_orderFacts is not { } facts)
            {
                facts = OrderFacts.Build(this);
                Volatile.Write(ref _orderFacts, facts);
            }

            return facts;
        }
    }

    /// <summary>The own orders whose transaction id is also a named order's id, renamed with <c>~</c> until unique.</summary>
    private Dictionary<int, string> RenameOwnOrders()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _namedOrderIds.Count; i++)
        {
            taken.Add(_namedOrderIds[i]);
        }

        var ownIds = _ownOrderRows.Select(GetTransactionId).ToArray();
        var own = new HashSet<string>(ownIds, StringComparer.Ordinal);
        var renamed = new Dictionary<int, string>();
        for (var i = 0; i < ownIds.Length; i++)
        {
            if (taken.Contains(ownIds[i]))
            {
                var id = ownIds[i] + "~";
                while (taken.Contains(id) || own.Contains(id))
                {
                    id += "~";
                }

                taken.Add(id);
                renamed.Add(i, id);
            }
        }

        return renamed;
    }

    /// <summary>
    /// A dataset of some of this dataset's rows, in the order given, with the same customers, products, segments and
    /// categories (same indexes) and the orders renumbered densely in order of first use. Carries this dataset's
    /// <see cref="Report"/>. Used by the evaluation splits.
    /// </summary>
    /// <param name="rows">The rows to keep, each a row of this dataset.</param>
    /// <param name="interactions">The dataset of every row, when the rows kept are its sales (<see cref="Interactions"/>).</param>
    internal EnrichedDataset SelectRows(ReadOnlySpan<int> rows, EnrichedDataset? interactions = null)
    {
        static T[] Pick<T>(T[] column, ReadOnlySpan<int> rows)
        {
            var result = new T[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                result[i] = column[rows[i]];
            }

            return result;
        }

        var orderMap = new int[OrderCount];
        Array.Fill(orderMap, -1);
        var orders = new int[rows.Length];
        var orderIds = new List<string>();
        for (var i = 0; i < rows.Length; i++)
        {
            var order = OrderColumn[rows[i]];
            if (orderMap[order] < 0)
            {
                orderMap[order] = orderIds.Count;
                orderIds.Add(GetOrderId(order));
            }

            orders[i] = orderMap[order];
        }

        return new EnrichedDataset(
            CustomerTable,
            CustomerSegmentTable,
            ProductTable,
            ProductCategoryTable,
            SegmentTable,
            CategoryTable,
            Pick(CustomerColumn, rows),
            Pick(ProductColumn, rows),
            orders,
            Pick(QuantityColumn, rows),
            Pick(TicksColumn, rows),
            Pick(RevenueUnits, rows),
            _unitPriceUnits is null ? null : Pick(_unitPriceUnits, rows),
            _transactionIds.Select(rows),
            IdColumn.Texts([.. orderIds]),
            [],
            Report)
        {
            WeightColumn = WeightColumn is null ? null : Pick(WeightColumn, rows),
            InteractionsDataset = interactions,
            GuestCustomer = GuestCustomer,
        };
    }

    /// <summary>A product's list price in units; <see cref="Money.None"/> when it has none, 0 when it cannot be kept exactly.</summary>
    internal static long ListPriceUnitsOf(Product product)
    {
        if (product.ListPrice is not { } price)
        {
            return Money.None;
        }

        Money.TryToUnits(price, out var units);
        return units;
    }

    /// <summary>Finds a customer's index.</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="index">The index in <see cref="Customers"/>, when found.</param>
    /// <returns>Whether the customer is in the dataset.</returns>
    public bool TryGetCustomerIndex(string customerId, out int index)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return _customerLookup.TryGetValue(customerId, out index);
    }

    /// <summary>Finds a product's index.</summary>
    /// <param name="productId">The product id.</param>
    /// <param name="index">The index in <see cref="Products"/>, when found.</param>
    /// <returns>Whether the product is in the dataset.</returns>
    public bool TryGetProductIndex(string productId, out int index)
    {
        ArgumentNullException.ThrowIfNull(productId);
        return _productLookup.TryGetValue(productId, out index);
    }
}
