using System.Globalization;
using System.Text;
using CustomerAnalytics.Internal;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Loading;

/// <summary>
/// The sink of <c>TransactionLoader.Load</c>: each row becomes a <see cref="Transaction"/>, its customer, product and
/// order ids one string per distinct id. Events that are not sales are left out (<see cref="LoadOptions.SaleEvents"/>).
/// </summary>
internal sealed class TransactionRecordSink : ITransactionSink
{
    private readonly Utf8Interner _customers = new();
    private readonly Utf8Interner _products = new();
    private int _orderSerial = -1;
    private string? _order;

    public List<Transaction> Rows { get; } = [];

    /// <summary>Adds the row as a record; an event that is not a sale (a view, a cart) is no transaction and is left out.</summary>
    public void Add(scoped in TransactionRow row)
    {
        if (EventTypeWeights.IsNonSale(row.Weight))
        {
            return;
        }

        string? order = null;
        if (!row.OrderId.IsEmpty)
        {
            if (row.OrderSerial != _orderSerial || _order is null)
            {
                _order = Encoding.UTF8.GetString(row.OrderId);
                _orderSerial = row.OrderSerial;
            }

            order = _order;
        }

        Rows.Add(new Transaction(
            row.Id.IsEmpty ? row.Number.ToString(CultureInfo.InvariantCulture) : Encoding.UTF8.GetString(row.Id),
            _customers.Intern(row.CustomerId),
            _products.Intern(row.ProductId),
            row.Quantity,
            row.Timestamp,
            row.UnitPrice == Money.None ? null : Money.ToDecimal(row.UnitPrice),
            order,
            row.LineTotal == Money.None ? null : Money.ToDecimal(row.LineTotal)));
    }
}
