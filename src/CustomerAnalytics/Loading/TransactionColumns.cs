namespace CustomerAnalytics.Loading;

/// <summary>
/// The header names (or JSON property names) each transaction field is read from; the first one present wins,
/// matched ignoring case and surrounding white space.
/// For a flat order-lines file the same map also names the customer and product attribute columns
/// (<see cref="Segment"/>, <see cref="Category"/>, <see cref="ProductName"/>, <see cref="CustomerName"/>).
/// </summary>
public sealed record TransactionColumns
{
    /// <summary>The default names: the seed's <c>txn_id,customer_id,product_id,qty,ts</c> and common aliases.</summary>
    public static TransactionColumns Default { get; } = new();

    /// <summary>
    /// The names for the UCI Online Retail file
    /// (<c>InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country</c>): the invoice is the
    /// order, the country is the segment, the description is the product name; there is no transaction id (lines are
    /// numbered) and no category.
    /// </summary>
    public static TransactionColumns OnlineRetail { get; } = new()
    {
        Id = [],
        CustomerId = ["CustomerID"],
        ProductId = ["StockCode"],
        Quantity = ["Quantity"],
        Timestamp = ["InvoiceDate"],
        UnitPrice = ["UnitPrice"],
        OrderId = ["InvoiceNo"],
        LineTotal = [],
        Weight = [],
        EventType = [],
        Segment = ["Country"],
        Category = [],
        ProductName = ["Description"],
        CustomerName = [],
    };

    /// <summary>Names of the transaction id column. Optional: without it, lines are numbered 1, 2, … in source order.</summary>
    /// <value>Defaults to <c>txn_id</c>, <c>transaction_id</c>, <c>id</c>.</value>
    public IReadOnlyList<string> Id { get; init; } = ["txn_id", "transaction_id", "id"];

    /// <summary>Names of the required customer id column.</summary>
    /// <value>Defaults to <c>customer_id</c>, <c>customerid</c>, <c>customer</c>, <c>household_id</c>.</value>
    public IReadOnlyList<string> CustomerId { get; init; } = ["customer_id", "customerid", "customer", "household_id"];

    /// <summary>Names of the required product id column.</summary>
    /// <value>Defaults to <c>product_id</c>, <c>productid</c>, <c>sku</c>, <c>item_id</c>.</value>
    public IReadOnlyList<string> ProductId { get; init; } = ["product_id", "productid", "sku", "item_id"];

    /// <summary>Names of the required quantity column.</summary>
    /// <value>Defaults to <c>qty</c>, <c>quantity</c>, <c>units</c>.</value>
    public IReadOnlyList<string> Quantity { get; init; } = ["qty", "quantity", "units"];

    /// <summary>Names of the required timestamp column (ISO 8601 with or without offset, or a date).</summary>
    /// <value>Defaults to <c>ts</c>, <c>timestamp</c>, <c>transaction_timestamp</c>, <c>date</c>, <c>datetime</c>, <c>order_date</c>.</value>
    public IReadOnlyList<string> Timestamp { get; init; } = ["ts", "timestamp", "transaction_timestamp", "date", "datetime", "order_date"];

    /// <summary>Names of the optional unit price column (overrides the product's list price).</summary>
    /// <value>Defaults to <c>unit_price</c>, <c>unitprice</c>, <c>price</c>.</value>
    public IReadOnlyList<string> UnitPrice { get; init; } = ["unit_price", "unitprice", "price"];

    /// <summary>Names of the optional order id column (several lines per order).</summary>
    /// <value>Defaults to <c>order_id</c>, <c>orderid</c>, <c>basket_id</c>, <c>invoice_no</c>, <c>invoice</c>.</value>
    public IReadOnlyList<string> OrderId { get; init; } = ["order_id", "orderid", "basket_id", "invoice_no", "invoice"];

    /// <summary>Names of the optional line total column (the line's amount, overriding quantity × price).</summary>
    /// <value>Defaults to <c>line_total</c>, <c>sales_value</c>, <c>amount</c>, <c>revenue</c>.</value>
    public IReadOnlyList<string> LineTotal { get; init; } = ["line_total", "sales_value", "amount", "revenue"];

    /// <summary>
    /// Names of the optional weight column (a rating or an event's weight): a finite number, 0 or more, read in the
    /// invariant culture. It feeds only the recommenders' affinity (<c>AffinityWeight.Weight</c>); revenue still
    /// comes from quantity × price.
    /// </summary>
    /// <value>Defaults to <c>weight</c>, <c>rating</c>.</value>
    public IReadOnlyList<string> Weight { get; init; } = ["weight", "rating"];

    /// <summary>
    /// Names of the optional event type column (<c>view</c>, <c>cart</c>, <c>purchase</c>, …), mapped to a weight by
    /// <see cref="LoadOptions.EventWeights"/>; only the types in <see cref="LoadOptions.SaleEvents"/> are sales, the
    /// others feed only the recommenders' affinity (<see cref="Enrichment.EnrichedDataset.Interactions"/>).
    /// </summary>
    /// <value>Defaults to <c>event_type</c>, <c>event</c>.</value>
    public IReadOnlyList<string> EventType { get; init; } = ["event_type", "event"];

    /// <summary>Flat files only: names of the customer segment column.</summary>
    /// <value>Defaults to <c>segment</c>, <c>country</c>.</value>
    public IReadOnlyList<string> Segment { get; init; } = ["segment", "country"];

    /// <summary>Flat files only: names of the product category column.</summary>
    /// <value>Defaults to <c>category</c>, <c>product_category</c>.</value>
    public IReadOnlyList<string> Category { get; init; } = ["category", "product_category"];

    /// <summary>Flat files only: names of the product name column.</summary>
    /// <value>Defaults to <c>product_name</c>, <c>description</c>.</value>
    public IReadOnlyList<string> ProductName { get; init; } = ["product_name", "description"];

    /// <summary>Flat files only: names of the customer name column.</summary>
    /// <value>Defaults to <c>customer_name</c>.</value>
    public IReadOnlyList<string> CustomerName { get; init; } = ["customer_name"];
}
