using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Flat order lines: each line is a transaction that also carries its customer's and its product's attributes.
/// A line's customer and product enter the tables when their own ids are valid (the first line's attributes win,
/// a name is taken from the first line that has one); the transaction only when the whole line is valid.
/// </summary>
internal sealed class OrderLineRowParser(LoadSession session, EnrichedDatasetBuilder builder) : TransactionRowParser(session, builder)
{
    /// <summary>The segment or category of a customer or product whose line has none.</summary>
    public const string UnknownLabel = "Unknown";

    private readonly Utf8Interner _labels = new();
    private readonly Utf8Interner _names = new();
    private readonly Dictionary<string, (string Segment, string? Name)> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Category, string? Name)> _products = new(StringComparer.Ordinal);
    private readonly List<string> _customerOrder = [];
    private readonly List<string> _productOrder = [];
    private Column _segment;
    private Column _category;
    private Column _productName;
    private Column _customerName;

    public override void ParseRow(TabularReader reader)
    {
        var fields = ReadTransaction(reader);
        if (fields.CustomerId is { } customerId)
        {
            var segment = ReadOptionalText(reader, _segment, _labels) ?? UnknownLabel;
            var name = ReadOptionalText(reader, _customerName, _names);
            if (_customers.TryGetValue(customerId, out var known))
            {
                if (known.Name is null && name is not null)
                {
                    _customers[customerId] = known with { Name = name };
                }
            }
            else
            {
                _customers.Add(customerId, (segment, name));
                _customerOrder.Add(customerId);
            }
        }

        if (fields.ProductId is { } productId)
        {
            var category = ReadOptionalText(reader, _category, _labels) ?? UnknownLabel;
            var name = ReadOptionalText(reader, _productName, _names);
            if (_products.TryGetValue(productId, out var known))
            {
                if (known.Name is null && name is not null)
                {
                    _products[productId] = known with { Name = name };
                }
            }
            else
            {
                _products.Add(productId, (category, name));
                _productOrder.Add(productId);
            }
        }

        if (Session.EndRow())
        {
            Emit(fields);
        }
    }

    public override void Complete()
    {
        foreach (var id in _customerOrder)
        {
            var (segment, name) = _customers[id];
            Builder!.AddCustomer(new Customer(id, segment, null, name));
        }

        foreach (var id in _productOrder)
        {
            var (category, name) = _products[id];
            Builder!.AddProduct(new Product(id, category, null, name));
        }
    }

    protected override string? ReadCustomerId(TabularReader reader, Column column, Utf8Interner pool) =>
        ReadId(reader, column, pool, "customer id", "A line without a customer cannot be attributed to one: load with LoadMode.Lenient to reject such lines with this diagnostic (their products still enter the product table).");

    protected override void BindColumns(ColumnBinder binder)
    {
        base.BindColumns(binder);
        var columns = Options.TransactionColumns;
        _segment = binder.Optional(columns.Segment);
        _category = binder.Optional(columns.Category);
        _productName = binder.Optional(columns.ProductName);
        _customerName = binder.Optional(columns.CustomerName);
    }
}
