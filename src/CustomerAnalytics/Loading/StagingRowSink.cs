using System.Text;
using CustomerAnalytics.Enrichment.Staging;

namespace CustomerAnalytics.Loading;

/// <summary>
/// The sink of <c>LoadInto</c> and of each part of a parallel load: rows go straight into a
/// <see cref="TransactionStaging"/> by dense index, its id registries looked up by the UTF-8 bytes (no string per row;
/// integer order ids are interned as numbers).
/// </summary>
internal sealed class StagingRowSink(TransactionStaging staging) : ITransactionSink
{
    private int _orderSerial = -1;
    private int _orderIndex = -1;

    /// <summary>The staging the rows go to.</summary>
    public TransactionStaging Staging { get; } = staging;

    public void Add(scoped in TransactionRow row)
    {
        Staging.ThrowIfSealed();
        var order = -1;
        if (!row.OrderId.IsEmpty)
        {
            // An order enters the staging with its first good line, so orders of rejected lines are not counted.
            if (row.OrderSerial != _orderSerial || _orderIndex < 0)
            {
                _orderIndex = FieldParsers.TryParseCanonicalInteger(row.OrderId, out var number)
                    ? Staging.Orders.Intern(number)
                    : Staging.Orders.Intern(Encoding.UTF8.GetString(row.OrderId));
                _orderSerial = row.OrderSerial;
            }

            order = _orderIndex;
        }

        var customer = Staging.Customers.IndexOf(row.CustomerId);
        var product = Staging.Products.IndexOf(row.ProductId);
        Staging.AddRow(
            row.Id.IsEmpty ? null : Encoding.UTF8.GetString(row.Id),
            row.Number,
            customer,
            product,
            row.Quantity,
            row.Timestamp.UtcTicks,
            row.UnitPrice,
            order,
            row.LineTotal,
            row.Line,
            row.Weight);
    }
}
