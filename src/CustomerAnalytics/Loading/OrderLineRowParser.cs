using CustomerAnalytics.Enrichment.Staging;
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

    private readonly Utf8Interner _labels = new();
    private readonly Utf8Interner _names = new();
    private Column _segment;
    private Column _category;
    private Column _productName;
    private Column _customerName;

    /// <summary>The customers the lines name, with their segment and name.</summary>
    public AttributeTable Customers { get; } = new();

    /// <summary>The products the lines name, with their category and name.</summary>
    public AttributeTable Products { get; } = new();

    public override void ParseRow(TabularReader reader)
    {
        var fields = ReadTransaction(reader);

        // The attributes are kept by this parser's own dense indexes: a line's customer and product count even when
        // the line is rejected, so they cannot wait for the sink.
        var guest = fields.Customer && FieldParsers.Trim(reader.Field(CustomerColumn.Index)).IsEmpty;
        var customer = fields.Customer ? Customers.IndexOf(CustomerId(reader)) : -1;
        var product = fields.Product ? Products.IndexOf(FieldParsers.Trim(reader.Field(ProductColumn.Index))) : -1;
        Register(reader, Customers, customer, guest ? Column.Absent : _segment, guest ? Column.Absent : _customerName, guest ? LoadOptions.GuestSegment : UnknownLabel);
        Register(reader, Products, product, _category, _productName, UnknownLabel);
        if (Session.EndRow())
        {
            Emit(reader, fields);
        }
    }

    public override void Complete() => CompleteInto(sink.Staging);

    /// <summary>Adds the customers and products read to <paramref name="staging"/> (a parallel load: the file's, after its parts were joined).</summary>
    public void CompleteInto(TransactionStaging staging)
    {
        for (var i = 0; i < Customers.Count; i++)
        {
            staging.AddCustomer(new Customer(Customers.Id(i), Customers.Label(i), null, Customers.Name(i)));
        }

        for (var i = 0; i < Products.Count; i++)
        {
            staging.AddProduct(new Product(Products.Id(i), Products.Label(i), null, Products.Name(i)));
        }
    }

    /// <summary>Takes in the customers and products of the parser of a later part of the same source.</summary>
    public void Absorb(OrderLineRowParser later)
    {
        Customers.Absorb(later.Customers);
        Products.Absorb(later.Products);
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
    private void Register(TabularReader reader, AttributeTable table, int index, Column label, Column name, string missingLabel)
    {
        if (index < 0)
        {
            return;
        }

        if (table.IsNew(index))
        {
            table.Add(ReadOptionalText(reader, label, _labels) ?? missingLabel, ReadOptionalText(reader, name, _names));
        }
        else if (table.NeedsName(index) && ReadOptionalText(reader, name, _names) is { } later)
        {
            table.SetName(index, later);
        }
    }
}
