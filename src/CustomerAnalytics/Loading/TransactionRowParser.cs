using System.Globalization;
using System.Text;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Transaction rows: customer, product, quantity and timestamp required; id, unit price (not negative), order id and
/// line total optional. Each good row goes whole to an <see cref="ITransactionSink"/> (a list of records, a builder's
/// staging or a part's), one call per row with the ids as UTF-8 bytes, so parsing costs no allocation per row.
/// </summary>
internal class TransactionRowParser(LoadSession session, ITransactionSink sink) : RowParser(session)
{
    private static readonly HintParts FixEventType = new(
        "Correct it in the source",
        LoadRemedy.EventWeights | LoadRemedy.Lenient,
        "Map the event type in LoadOptions.EventWeights, and list it in LoadOptions.SaleEvents if it is a sale.");
    private static readonly HintParts FixWeight = new("Correct it in the source, or name another column in TransactionColumns.Weight", LoadRemedy.Lenient);
    private byte[] _lastOrder = [];
    private int _lastOrderLength;
    private bool _hasLastOrder;
    private int _orderSerial;
    private Column _id;
    private Column _customer;
    private Column _product;
    private Column _quantity;
    private Column _timestamp;
    private Column _unitPrice;
    private Column _order;
    private Column _lineTotal;
    private Column _weight;
    private Column _eventType;
    private EventTypeWeights? _eventTypes;
    private byte[]? _guestId;

    /// <summary>Whether the source has no id column, so its rows are numbered by their place (once bound).</summary>
    public bool NumbersRows => !_id.Exists;

    /// <summary>What a line without a customer id is told, before the options that would help.</summary>
    protected virtual string EmptyCustomerAdvice => "Fill it in";

    /// <summary>The customer id column (once bound).</summary>
    protected Column CustomerColumn => _customer;

    /// <summary>The product id column (once bound).</summary>
    protected Column ProductColumn => _product;

    /// <summary>The UTF-8 id of the guest customer (<see cref="LoadOptions.GuestCustomerId"/>).</summary>
    protected ReadOnlySpan<byte> GuestId => _guestId ??= Encoding.UTF8.GetBytes(Options.GuestCustomerId);

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
        long number = -1;
        var textId = false;
        if (_id.Exists)
        {
            var raw = FieldParsers.Trim(reader.Field(_id.Index));
            if (raw.IsEmpty)
            {
                Session.RowError(_id.Name, string.Empty, "the transaction id is empty", "a non-empty transaction id", "Fill it in, or drop the column to number the rows instead.");
            }
            else if (CheckIdText(_id, raw, "transaction id") && !FieldParsers.TryParseCanonicalInteger(raw, out number))
            {
                number = -1;
                textId = true;
            }
        }

        // Only checked here: a good row's ids are looked up by the sink, so the ids of rejected rows never reach it.
        var customer = IsGuestLine(reader) || CheckId(reader, _customer, "customer id", new HintParts(EmptyCustomerAdvice, LoadRemedy.KeepGuestLines | LoadRemedy.Lenient));
        var product = CheckId(reader, _product, "product id");
        TryReadQuantity(reader, _quantity, out var quantity);
        TryReadTimestamp(reader, _timestamp, out var timestamp);
        TryReadMoney(reader, _unitPrice, allowNegative: false, out var unitPrice, adjustment: true);
        var order = ReadOrder(reader);
        TryReadMoney(reader, _lineTotal, allowNegative: true, out var lineTotal);
        TryReadWeight(reader, _weight, out var weight);
        TryReadEventType(reader, ref weight);
        return new TransactionFields(textId, number, customer, product, quantity, timestamp, unitPrice, order, lineTotal, weight);
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

    /// <summary>The row's customer id as the sink gets it: the guest's id for a kept guest line.</summary>
    protected ReadOnlySpan<byte> CustomerId(TabularReader reader)
    {
        var customerId = FieldParsers.Trim(reader.Field(_customer.Index));
        return customerId.IsEmpty ? GuestId : customerId;
    }

    /// <summary>Hands the good row to the sink.</summary>
    protected void Emit(TabularReader reader, in TransactionFields row)
    {
        // Without an id column, rows are numbered by their place among the rows read, so the same file gives the same
        // ids whichever sink takes it (a rejected row keeps its number unused).
        sink.Add(new TransactionRow
        {
            Id = row.TextId ? FieldParsers.Trim(reader.Field(_id.Index)) : default,
            Number = row.TextId || row.Number >= 0 ? row.Number : Session.RowsRead,
            CustomerId = CustomerId(reader),
            ProductId = FieldParsers.Trim(reader.Field(_product.Index)),
            Quantity = row.Quantity,
            Timestamp = row.Timestamp,
            UnitPrice = row.UnitPrice,
            OrderId = row.HasOrder ? _lastOrder.AsSpan(0, _lastOrderLength) : default,
            OrderSerial = _orderSerial,
            LineTotal = row.LineTotal,
            Weight = row.Weight,
            Line = Session.CurrentLine,
        });
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
        _weight = binder.Optional(columns.Weight);
        _eventType = binder.Optional(columns.EventType);
        _eventTypes = _eventType.Exists ? new EventTypeWeights(Session.Options) : null;
    }

    /// <summary>
    /// The optional event type: its weight (unless the row brought its own) from <see cref="LoadOptions.EventWeights"/>,
    /// signed as a non-sale when it is not one of <see cref="LoadOptions.SaleEvents"/>; an empty one is a plain sale, an unmapped one a row error.
    /// </summary>
    private void TryReadEventType(TabularReader reader, ref float weight)
    {
        if (_eventTypes is null)
        {
            return;
        }

        // No type (an empty field, a JSON row without the property) is a plain sale, as a row without a weight has none.
        var value = FieldParsers.Trim(reader.Field(_eventType.Index));
        if (value.IsEmpty)
        {
            return;
        }

        if (_eventTypes.TryFind(value, out var typeWeight, out var sale))
        {
            weight = EventTypeWeights.Staged(weight, typeWeight, sale);
            return;
        }

        Session.RowError(_eventType.Name, value, "the event type is not mapped to a weight", _eventTypes.Expected, FixEventType);
    }

    /// <summary>
    /// The optional weight: <see cref="float.NaN"/> without the column or value (a JSON row without the property); else a
    /// finite number of 0 or more in the invariant culture (an unreadable, negative or infinite one is a row error).
    /// </summary>
    private bool TryReadWeight(TabularReader reader, Column column, out float weight)
    {
        weight = float.NaN;
        if (!column.Exists)
        {
            return true;
        }

        var value = FieldParsers.Trim(reader.Field(column.Index));
        if (value.IsEmpty)
        {
            return true;
        }

        var parsed = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number);
        var problem = !parsed ? "not a number"
            : double.IsNaN(number) || double.IsInfinity(number) ? "the weight is not finite"
            : number < 0 ? "the weight is negative"
            : !float.IsFinite((float)number) ? "the weight is too large"
            : null;
        if (problem is null)
        {
            weight = (float)number;
            return true;
        }

        Session.RowError(column.Name, value, problem, "a number of 0 or more with '.' as the decimal point, such as 4.5", FixWeight);
        return false;
    }

    /// <summary>A required, non-empty id, checked only: whether it is sound (an empty or damaged one is reported).</summary>
    private bool CheckId(TabularReader reader, Column column, string what, HintParts? hint = null)
    {
        var value = FieldParsers.Trim(reader.Field(column.Index));
        if (value.IsEmpty)
        {
            Session.RowError(column.Name, string.Empty, $"the {what} is empty", $"a non-empty {what}", hint ?? FillIn);
            return false;
        }

        return CheckIdText(column, value, what);
    }

    /// <summary>
    /// Whether the row has a sound order id, kept in <see cref="_lastOrder"/>; <see cref="_orderSerial"/> moves on when
    /// it differs from the previous row's, so a sink looks up a run of one order's lines once.
    /// </summary>
    private bool ReadOrder(TabularReader reader)
    {
        if (!_order.Exists)
        {
            return false;
        }

        var value = FieldParsers.Trim(reader.Field(_order.Index));
        if (value.IsEmpty || !CheckIdText(_order, value, "order id"))
        {
            return false;
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
            _orderSerial++;
        }

        return true;
    }

    /// <summary>
    /// The checked fields of one transaction row: whether the id is text (else <see cref="Number"/>, −1 when absent),
    /// whether the customer and product ids are sound, money in <see cref="Money"/> units or <see cref="Money.None"/>,
    /// the weight or <see cref="float.NaN"/>.
    /// </summary>
    protected readonly record struct TransactionFields(
        bool TextId,
        long Number,
        bool Customer,
        bool Product,
        int Quantity,
        DateTimeOffset Timestamp,
        long UnitPrice,
        bool HasOrder,
        long LineTotal,
        float Weight);
}
