using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Transaction rows: customer, product, quantity and timestamp required; id, unit price (not negative), order id and
/// line total optional. Good rows go to a list of <see cref="Transaction"/>s or straight into a builder's columns.
/// </summary>
internal class TransactionRowParser(LoadSession session, EnrichedDatasetBuilder? builder) : CollectingRowParser<Transaction>(session)
{
    private readonly Utf8Interner _customerIds = new();
    private readonly Utf8Interner _productIds = new();
    private readonly Utf8Interner _orderIds = new();
    private Column _id;
    private Column _customer;
    private Column _product;
    private Column _quantity;
    private Column _timestamp;
    private Column _unitPrice;
    private Column _order;
    private Column _lineTotal;

    protected EnrichedDatasetBuilder? Builder { get; } = builder;

    public override void ParseRow(TabularReader reader)
    {
        var fields = ReadTransaction(reader);
        if (Session.EndRow())
        {
            Emit(fields);
        }
    }

    /// <summary>Reads the transaction's fields, reporting each problem.</summary>
    protected TransactionFields ReadTransaction(TabularReader reader)
    {
        string? id = null;
        if (_id.Exists)
        {
            var raw = FieldParsers.Trim(reader.Field(_id.Index));
            if (raw.IsEmpty)
            {
                Session.RowError(_id.Name, string.Empty, "the transaction id is empty", "a non-empty transaction id", "Fill it in, or drop the column to number the rows instead.");
            }
            else
            {
                id = System.Text.Encoding.UTF8.GetString(raw);
            }
        }

        var customer = ReadCustomerId(reader, _customer, _customerIds);
        var product = ReadId(reader, _product, _productIds, "product id");
        TryReadQuantity(reader, _quantity, out var quantity);
        TryReadTimestamp(reader, _timestamp, out var timestamp);
        TryReadMoney(reader, _unitPrice, allowNegative: false, out var unitPrice);
        var order = ReadOptionalText(reader, _order, _orderIds);
        TryReadMoney(reader, _lineTotal, allowNegative: true, out var lineTotal);
        return new TransactionFields(id, customer, product, quantity, timestamp, unitPrice, order, lineTotal);
    }

    /// <summary>Reads the customer id (a flat file explains the lines without one differently).</summary>
    protected virtual string? ReadCustomerId(TabularReader reader, Column column, Utf8Interner pool) =>
        ReadId(reader, column, pool, "customer id");

    protected void Emit(in TransactionFields row)
    {
        if (Builder is not null)
        {
            Builder.AddRow(row.Id, row.CustomerId!, row.ProductId!, row.Quantity, row.Timestamp.UtcTicks, row.UnitPrice, row.OrderId, row.LineTotal);
        }
        else
        {
            Rows.Add(new Transaction(
                row.Id ?? Session.RowsRead.ToString(CultureInfo.InvariantCulture),
                row.CustomerId!,
                row.ProductId!,
                row.Quantity,
                row.Timestamp,
                row.UnitPrice == Money.None ? null : Money.ToDecimal(row.UnitPrice),
                row.OrderId,
                row.LineTotal == Money.None ? null : Money.ToDecimal(row.LineTotal)));
        }
    }

    protected override void BindColumns(ColumnBinder binder)
    {
        var columns = Options.TransactionColumns;
        const string Map = nameof(LoadOptions.TransactionColumns);
        _id = binder.Optional(columns.Id);
        _customer = binder.Required(columns.CustomerId, Map, nameof(TransactionColumns.CustomerId));
        _product = binder.Required(columns.ProductId, Map, nameof(TransactionColumns.ProductId));
        _quantity = binder.Required(columns.Quantity, Map, nameof(TransactionColumns.Quantity));
        _timestamp = binder.Required(columns.Timestamp, Map, nameof(TransactionColumns.Timestamp));
        _unitPrice = binder.Optional(columns.UnitPrice);
        _order = binder.Optional(columns.OrderId);
        _lineTotal = binder.Optional(columns.LineTotal);
    }

    /// <summary>The fields of one transaction row; money in <see cref="Money"/> units or <see cref="Money.None"/>.</summary>
    protected readonly record struct TransactionFields(
        string? Id,
        string? CustomerId,
        string? ProductId,
        int Quantity,
        DateTimeOffset Timestamp,
        long UnitPrice,
        string? OrderId,
        long LineTotal);
}
