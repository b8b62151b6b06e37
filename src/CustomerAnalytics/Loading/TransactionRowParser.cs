using System.Globalization;
using System.Text;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Transaction rows: customer, product, quantity and timestamp required; id, unit price (not negative), order id and
/// line total optional. Good rows go to a list of <see cref="Transaction"/>s or straight into a builder's columns by
/// dense index, so a row costs no allocation beyond a new id's string (integer transaction ids are passed as numbers).
/// </summary>
internal class TransactionRowParser(LoadSession session, EnrichedDatasetBuilder? builder) : CollectingRowParser<Transaction>(session)
{
    private readonly Utf8Interner _customerIds = new();
    private readonly Utf8Interner _productIds = new();
    private readonly List<int> _builderCustomers = [];
    private readonly List<int> _builderProducts = [];
    private byte[] _lastOrder = [];
    private int _lastOrderLength;
    private bool _hasLastOrder;
    private string? _lastOrderId;
    private long _lastOrderNumber;
    private int _lastOrderIndex = -1;
    private Column _id;
    private Column _customer;
    private Column _product;
    private Column _quantity;
    private Column _timestamp;
    private Column _unitPrice;
    private Column _order;
    private Column _lineTotal;
    private byte[]? _guestId;

    protected EnrichedDatasetBuilder? Builder { get; } = builder;

    /// <summary>
    /// Whether good rows go straight to the builder's own UTF-8 look-ups (one table per id, no string per row) instead
    /// of through this parser's interners; a parser that needs its own dense indexes (flat order lines) says no.
    /// </summary>
    protected virtual bool IndexesInBuilder => Builder is not null;

    /// <summary>Whether the source has no id column, so its rows are numbered by their place (once bound).</summary>
    public bool NumbersRows => !_id.Exists;

    /// <summary>What a line without a customer id is told, before the options that would help.</summary>
    protected virtual string EmptyCustomerAdvice => "Fill it in";

    /// <summary>The customer id column (once bound).</summary>
    protected Column CustomerColumn => _customer;

    /// <summary>The UTF-8 id of the guest customer (<see cref="LoadOptions.GuestCustomerId"/>).</summary>
    protected ReadOnlySpan<byte> GuestId => _guestId ??= Encoding.UTF8.GetBytes(Options.GuestCustomerId);

    /// <summary>The customer ids read, by the dense indexes of <see cref="TransactionFields.Customer"/>.</summary>
    protected Utf8Interner CustomerIds => _customerIds;

    /// <summary>The product ids read, by the dense indexes of <see cref="TransactionFields.Product"/>.</summary>
    protected Utf8Interner ProductIds => _productIds;

    public override void ParseRow(TabularReader reader)
    {
        var fields = ReadTransaction(reader);
        if (Session.EndRow())
        {
            Emit(reader, fields);
        }
    }

    /// <summary>Reads the transaction's fields, reporting each problem.</summary>
    protected TransactionFields ReadTransaction(TabularReader reader)
    {
        string? textId = null;
        long numericId = -1;
        if (_id.Exists)
        {
            var raw = FieldParsers.Trim(reader.Field(_id.Index));
            if (raw.IsEmpty)
            {
                Session.RowError(_id.Name, string.Empty, "the transaction id is empty", "a non-empty transaction id", "Fill it in, or drop the column to number the rows instead.");
            }
            else if (!CheckIdText(_id, raw, "transaction id"))
            {
                numericId = -1;
            }
            else if (!FieldParsers.TryParseCanonicalInteger(raw, out numericId))
            {
                numericId = -1;
                textId = Encoding.UTF8.GetString(raw);
            }
        }

        int customer, product;
        if (IndexesInBuilder)
        {
            // Only checked here: a good row is looked up in the builder when it is emitted, so the ids of rejected
            // rows never reach it.
            customer = IsGuestLine(reader) ? 0 : CheckId(reader, _customer, "customer id", new HintParts(EmptyCustomerAdvice, LoadRemedy.KeepGuestLines | LoadRemedy.Lenient));
            product = CheckId(reader, _product, "product id");
        }
        else
        {
            customer = IsGuestLine(reader) ? _customerIds.IndexOf(GuestId) : ReadId(reader, _customer, _customerIds, "customer id", new HintParts(EmptyCustomerAdvice, LoadRemedy.KeepGuestLines | LoadRemedy.Lenient));
            product = ReadId(reader, _product, _productIds, "product id");
        }

        TryReadQuantity(reader, _quantity, out var quantity);
        TryReadTimestamp(reader, _timestamp, out var timestamp);
        TryReadMoney(reader, _unitPrice, allowNegative: false, out var unitPrice, adjustment: true);
        var order = ReadOrder(reader);
        TryReadMoney(reader, _lineTotal, allowNegative: true, out var lineTotal);
        return new TransactionFields(textId, numericId, customer, product, quantity, timestamp, unitPrice, order, lineTotal);
    }

    /// <summary>Whether the line has no customer id and is kept under the guest customer (<see cref="LoadOptions.KeepGuestLines"/>).</summary>
    protected bool IsGuestLine(TabularReader reader)
    {
        if (!Options.KeepGuestLines || !FieldParsers.Trim(reader.Field(_customer.Index)).IsEmpty)
        {
            return false;
        }

        Warn(LoadWarningKind.GuestLine, _customer, default);
        return true;
    }

    protected void Emit(TabularReader reader, in TransactionFields row)
    {
        if (Builder is not null)
        {
            // An order enters the builder with its first good line, so orders of rejected lines are not counted.
            if (row.Order >= 0 && _lastOrderIndex < 0)
            {
                _lastOrderIndex = _lastOrderId is null ? Builder.OrderIndex(_lastOrderNumber) : Builder.OrderIndex(_lastOrderId);
            }

            int customer, product;
            if (IndexesInBuilder)
            {
                var customerId = FieldParsers.Trim(reader.Field(_customer.Index));
                customer = Builder.CustomerIndex(customerId.IsEmpty ? GuestId : customerId);
                product = Builder.ProductIndex(FieldParsers.Trim(reader.Field(_product.Index)));
            }
            else
            {
                customer = BuilderIndex(_builderCustomers, _customerIds, row.Customer, customer: true);
                product = BuilderIndex(_builderProducts, _productIds, row.Product, customer: false);
            }

            // Without an id column, rows are numbered by their place among the rows read, as Load numbers them, so the
            // same file gives the same ids either way (a rejected row keeps its number unused).
            var numericId = row.TextId is null && row.NumericId < 0 ? Session.RowsRead : row.NumericId;
            Builder.AddRow(row.TextId, numericId, customer, product, row.Quantity, row.Timestamp.UtcTicks, row.UnitPrice, row.Order >= 0 ? _lastOrderIndex : -1, row.LineTotal, Session.CurrentLine);
        }
        else
        {
            Rows.Add(new Transaction(
                row.TextId ?? (row.NumericId >= 0 ? row.NumericId : Session.RowsRead).ToString(CultureInfo.InvariantCulture),
                _customerIds[row.Customer],
                _productIds[row.Product],
                row.Quantity,
                row.Timestamp,
                row.UnitPrice == Money.None ? null : Money.ToDecimal(row.UnitPrice),
                row.Order >= 0 ? LastOrderText() : null,
                row.LineTotal == Money.None ? null : Money.ToDecimal(row.LineTotal)));
        }
    }

    protected override void BindColumns(ColumnBinder binder)
    {
        var columns = Options.TransactionColumns;
        const string Map = nameof(LoadOptions.TransactionColumns);
        _id = binder.Optional(columns.Id, addLater: false);
        _customer = binder.Required(columns.CustomerId, Map, nameof(TransactionColumns.CustomerId));
        _product = binder.Required(columns.ProductId, Map, nameof(TransactionColumns.ProductId));
        _quantity = binder.Required(columns.Quantity, Map, nameof(TransactionColumns.Quantity));
        _timestamp = binder.Required(columns.Timestamp, Map, nameof(TransactionColumns.Timestamp));
        _unitPrice = binder.Optional(columns.UnitPrice);
        _order = binder.Optional(columns.OrderId);
        _lineTotal = binder.Optional(columns.LineTotal);
    }

    /// <summary>A required, non-empty id, checked only: 0, or −1 (reported) when empty.</summary>
    private int CheckId(TabularReader reader, Column column, string what, HintParts? hint = null)
    {
        var value = FieldParsers.Trim(reader.Field(column.Index));
        if (value.IsEmpty)
        {
            Session.RowError(column.Name, string.Empty, $"the {what} is empty", $"a non-empty {what}", hint ?? FillIn);
            return -1;
        }

        return CheckIdText(column, value, what) ? 0 : -1;
    }

    /// <summary>The current order id as text (records keep it as a string).</summary>
    private string LastOrderText() => _lastOrderId ??= _lastOrderNumber.ToString(CultureInfo.InvariantCulture);

    /// <summary>The builder's index of a loader index, asking the builder the first time an id is seen.</summary>
    private int BuilderIndex(List<int> map, Utf8Interner ids, int index, bool customer)
    {
        while (map.Count <= index)
        {
            map.Add(-1);
        }

        var builderIndex = map[index];
        if (builderIndex < 0)
        {
            builderIndex = customer ? Builder!.CustomerIndex(ids[index]) : Builder!.ProductIndex(ids[index]);
            map[index] = builderIndex;
        }

        return builderIndex;
    }

    /// <summary>
    /// The order: −1 without one, else 0, the order being <see cref="_lastOrderId"/> (and, once asked for,
    /// <see cref="_lastOrderIndex"/> in the builder). Lines of one order are usually adjacent, so the last order is
    /// remembered and a repeat costs no look-up.
    /// </summary>
    private int ReadOrder(TabularReader reader)
    {
        if (!_order.Exists)
        {
            return -1;
        }

        var value = FieldParsers.Trim(reader.Field(_order.Index));
        if (value.IsEmpty || !CheckIdText(_order, value, "order id"))
        {
            return -1;
        }

        if (!_hasLastOrder || !value.SequenceEqual(_lastOrder.AsSpan(0, _lastOrderLength)))
        {
            if (value.Length > _lastOrder.Length)
            {
                _lastOrder = new byte[Math.Max(value.Length, 32)];
            }

            value.CopyTo(_lastOrder);
            _lastOrderLength = value.Length;
            _hasLastOrder = true;
            _lastOrderIndex = -1;

            // A builder takes integer order ids as numbers: no string for each of millions of orders.
            _lastOrderId = Builder is not null && FieldParsers.TryParseCanonicalInteger(value, out _lastOrderNumber)
                ? null
                : Encoding.UTF8.GetString(value);
        }

        return 0;
    }

    /// <summary>
    /// The fields of one transaction row: ids by dense index (−1 when invalid), money in <see cref="Money"/> units or
    /// <see cref="Money.None"/>.
    /// </summary>
    protected readonly record struct TransactionFields(
        string? TextId,
        long NumericId,
        int Customer,
        int Product,
        int Quantity,
        DateTimeOffset Timestamp,
        long UnitPrice,
        int Order,
        long LineTotal);
}
