using CustomerAnalytics.Internal;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// What a builder holds until <see cref="EnrichedDatasetBuilder.Build"/>: one id registry per dimension, the order ids,
/// the staged transaction columns and the issues found while adding. A part of a parallel load stages its rows the same
/// way (<see cref="ForPart"/>, ids kept as bytes) and joins the staging of its file by <see cref="Append"/>.
/// </summary>
internal sealed class TransactionStaging
{
    private bool _sealed;

    private TransactionStaging(int maxListedIssuesPerKind, bool part)
    {
        Customers = part ? IdRegistry<Customer>.ForPart() : IdRegistry<Customer>.Create();
        Products = part ? IdRegistry<Product>.ForPart() : IdRegistry<Product>.Create();
        Issues = JoinIssues.Collector(maxListedIssuesPerKind);
        IsPart = part;
    }

    public IdRegistry<Customer> Customers { get; }

    public IdRegistry<Product> Products { get; }

    public OrderIdInterner Orders { get; } = new();

    public StagedColumns Columns { get; } = new();

    /// <summary>The issues found while adding (duplicate records, inexact money); the join adds its own.</summary>
    public IssueCollector<EnrichmentIssueKind, EnrichmentIssue> Issues { get; }

    /// <summary>The transactions added (kept or already rejected).</summary>
    public int TransactionsRead { get; private set; }

    /// <summary>The id of the guest customer, or <see langword="null"/>.</summary>
    public string? GuestCustomerId { get; private set; }

    /// <summary>Whether this stages a part of a parallel load.</summary>
    public bool IsPart { get; }

    /// <summary>A builder's staging.</summary>
    public static TransactionStaging Create(int maxListedIssuesPerKind) => new(maxListedIssuesPerKind, part: false);

    /// <summary>
    /// The staging of one part of a parallel load: rows by UTF-8 ids only, kept as bytes (two byte sequences that
    /// decode to the same string become one id in <see cref="Append"/>); with <paramref name="columns"/>, its rows go
    /// first to one region of the arrays the parts share, which the join then keeps without a copy when every part
    /// filled its region exactly.
    /// </summary>
    public static TransactionStaging ForPart(PartColumns? columns = null, int offset = 0, int capacity = 0)
    {
        var part = new TransactionStaging(0, part: true);
        if (columns is not null)
        {
            part.Columns.UseRegion(columns, offset, capacity);
        }

        return part;
    }

    public void AddCustomer(Customer customer)
    {
        ThrowIfSealed();
        if (!Customers.TryAdd(customer.Id, customer) && Issues.Count(EnrichmentIssueKind.DuplicateDimensionId))
        {
            Issues.List(JoinIssues.DuplicateCustomer(customer.Id));
        }
    }

    public void AddProduct(Product product)
    {
        ThrowIfSealed();
        if (!Products.TryAdd(product.Id, product) && Issues.Count(EnrichmentIssueKind.DuplicateDimensionId))
        {
            Issues.List(JoinIssues.DuplicateProduct(product.Id));
        }
    }

    /// <summary>Adds the guest customer unless a customer with its id was added; either way it becomes the guest.</summary>
    public void AddGuestCustomer(string customerId, string segment)
    {
        ThrowIfSealed();
        if (GuestCustomerId is not null && GuestCustomerId != customerId)
        {
            StagingThrow.InvalidOperationException_SecondGuest(GuestCustomerId);
        }

        if (!Customers.HasRecord(customerId))
        {
            AddCustomer(new Customer(customerId, segment));
        }

        GuestCustomerId = customerId;
    }

    /// <summary>Adds a transaction given as an object: its money converted to units, or the row reported and left out.</summary>
    public void AddTransaction(Transaction transaction)
    {
        ThrowIfSealed();
        Columns.Sources.Begin(null, Columns.Count);
        long unitPrice = Money.None, lineTotal = Money.None;
        if ((transaction.UnitPrice is { } price && !Money.TryToUnits(price, out unitPrice))
            || (transaction.LineTotal is { } total && !Money.TryToUnits(total, out lineTotal)))
        {
            TransactionsRead++;
            Issues.LeaveOut(EnrichmentIssueKind.MoneyOutOfRange);
            if (Issues.Count(EnrichmentIssueKind.MoneyOutOfRange))
            {
                Issues.List(JoinIssues.InexactMoney(transaction));
            }

            return;
        }

        AddRow(transaction.Id, transaction.CustomerId, transaction.ProductId, transaction.Quantity, transaction.Timestamp.UtcTicks, unitPrice, transaction.OrderId, lineTotal);
    }

    /// <summary>
    /// Adds one row by its string ids. <paramref name="id"/> <see langword="null"/> numbers the line (1, 2, … across the
    /// staging); money is in <see cref="Money"/> units or <see cref="Money.None"/>.
    /// </summary>
    public void AddRow(string? id, string customerId, string productId, int quantity, long utcTicks, long unitPriceUnits, string? orderId, long lineTotalUnits)
    {
        ThrowIfSealed();
        AddRow(id, -1, Customers.IndexOf(customerId), Products.IndexOf(productId), quantity, utcTicks, unitPriceUnits, string.IsNullOrEmpty(orderId) ? -1 : Orders.Intern(orderId), lineTotalUnits, line: 0);
    }

    /// <summary>
    /// Adds one row by dense indexes (−1 for no order). The id is <paramref name="textId"/>, else the non-negative
    /// <paramref name="numericId"/>, else (−1) the row's number. <paramref name="line"/> is the row's line in the source
    /// begun by <see cref="BeginSource"/> (0: none). <paramref name="weight"/> is the row's weight, <see cref="float.NaN"/> for none.
    /// </summary>
    public void AddRow(string? textId, long numericId, int customerIndex, int productIndex, int quantity, long utcTicks, long unitPriceUnits, int orderIndex, long lineTotalUnits, long line, float weight = float.NaN)
    {
        ThrowIfSealed();
        TransactionsRead++;
        if (textId is not null)
        {
            Columns.Ids.Add(textId);
        }
        else
        {
            // Numbered line: its id is its ordinal among all lines added.
            Columns.Ids.Add(numericId >= 0 ? numericId : TransactionsRead);
        }

        Columns.Add(customerIndex, productIndex, quantity, utcTicks, unitPriceUnits, orderIndex, lineTotalUnits, line, weight);
    }

    /// <summary>The rows added from now on come from <paramref name="source"/> (a file or source name).</summary>
    public void BeginSource(string source)
    {
        ThrowIfSealed();
        Columns.Sources.Begin(source, Columns.Count);
    }

    /// <summary>
    /// Appends the rows of <paramref name="part"/> as if they had been added here, in order; the part is spent
    /// afterwards. Its customers, products and orders are looked up here in their order of first appearance there, so
    /// appending the parts of a file in file order stages what adding its rows one by one stages.
    /// <paramref name="numberOffset"/> is added to the part's numeric transaction ids (the line numbers of a source
    /// without an id column), or 0; <paramref name="lineOffset"/> to its rows' lines (the source's lines before the part's first).
    /// </summary>
    public void Append(TransactionStaging part, long numberOffset, long lineOffset)
    {
        ThrowIfSealed();
        if (part._sealed)
        {
            StagingThrow.InvalidOperationException_PartAppendedTwice();
        }

        part._sealed = true;

        // By their bytes: an id another part brought already costs one look-up in a table, not a string.
        var customerMap = Customers.MapFrom(part.Customers);
        var productMap = Products.MapFrom(part.Products);
        var orderMap = Orders.InternAll(part.Orders.ToColumn());
        Columns.MoveFrom(part.Columns, customerMap, productMap, orderMap, numberOffset, lineOffset);
        TransactionsRead += part.TransactionsRead;
    }

    /// <summary>Ends the staging (before the join); anything added afterwards throws.</summary>
    public void Seal()
    {
        ThrowIfSealed();
        _sealed = true;
    }

    public void ThrowIfSealed()
    {
        if (_sealed)
        {
            StagingThrow.InvalidOperationException_Built();
        }
    }
}
