using CustomerAnalytics.Model;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Flat order lines: each line is a transaction that also carries its customer's and its product's attributes.
/// A line's customer and product enter the tables when their own ids are valid (the first line's attributes win,
/// a name is taken from the first line that has one); the transaction only when the whole line is valid.
/// </summary>
internal sealed class OrderLineRowParser(LoadSession session, StagingRowSink sink) : TransactionRowParser(session, sink)
{
    /// <summary>The segment or category of a customer or product whose line has none.</summary>
    public const string UnknownLabel = "Unknown";

    private readonly Utf8Interner _customerIds = new();
    private readonly Utf8Interner _productIds = new();
    private readonly Utf8Interner _labels = new();
    private readonly Utf8Interner _names = new();
    private readonly List<Attributes> _customers = [];
    private readonly List<Attributes> _products = [];
    private Column _segment;
    private Column _category;
    private Column _productName;
    private Column _customerName;

    public override void ParseRow(TabularReader reader)
    {
        var fields = ReadTransaction(reader);

        // The attributes are kept by this parser's own dense indexes: a line's customer and product count even when
        // the line is rejected, so they cannot wait for the sink.
        var guest = fields.Customer && FieldParsers.Trim(reader.Field(CustomerColumn.Index)).IsEmpty;
        var customer = fields.Customer ? _customerIds.IndexOf(CustomerId(reader)) : -1;
        var product = fields.Product ? _productIds.IndexOf(FieldParsers.Trim(reader.Field(ProductColumn.Index))) : -1;
        Register(reader, _customers, customer, guest ? Column.Absent : _segment, guest ? Column.Absent : _customerName, guest ? LoadOptions.GuestSegment : UnknownLabel);
        Register(reader, _products, product, _category, _productName, UnknownLabel);
        if (Session.EndRow())
        {
            Emit(reader, fields);
        }
    }

    public override void Complete()
    {
        for (var i = 0; i < _customers.Count; i++)
        {
            sink.Staging.AddCustomer(new Customer(_customerIds[i], _customers[i].Label, null, _customers[i].Name));
        }

        for (var i = 0; i < _products.Count; i++)
        {
            sink.Staging.AddProduct(new Product(_productIds[i], _products[i].Label, null, _products[i].Name));
        }
    }

    protected override string EmptyCustomerAdvice => "A line without a customer cannot be attributed to one (its product still enters the product table)";

    protected override void BindColumns(ColumnBinder binder)
    {
        base.BindColumns(binder);
        var columns = Options.TransactionColumns;
        _segment = binder.Optional(columns.Segment);
        _category = binder.Optional(columns.Category);
        _productName = binder.Optional(columns.ProductName);
        _customerName = binder.Optional(columns.CustomerName);
    }

    /// <summary>
    /// Records the attributes of a customer or product (by its dense index) the first time it appears; a name
    /// missing then is taken from a later line.
    /// </summary>
    private void Register(TabularReader reader, List<Attributes> table, int index, Column label, Column name, string missingLabel)
    {
        if (index < 0)
        {
            return;
        }

        if (index == table.Count)
        {
            table.Add(new Attributes(ReadOptionalText(reader, label, _labels) ?? missingLabel, ReadOptionalText(reader, name, _names)));
        }
        else if (table[index].Name is null && ReadOptionalText(reader, name, _names) is { } later)
        {
            table[index] = table[index] with { Name = later };
        }
    }

    private readonly record struct Attributes(string Label, string? Name);
}
