namespace CustomerAnalytics.Sql;

/// <summary>The part a column plays in the KPI queries.</summary>
internal enum SqlColumnPart
{
    CustomerId,
    Segment,
    ProductId,
    Category,
    ListPrice,
    LineCustomerId,
    LineProductId,
    Quantity,
    UnitPrice,
    OrderId,
    LineTotal,
    Timestamp,
}

/// <summary>Which relation a column is read from.</summary>
internal enum SqlSourceTable
{
    Customers,
    Products,
    Transactions,
}

/// <summary>One column part of a <see cref="SqlSource"/>: its relation, the property that names it, the accepted names and whether it is required.</summary>
internal sealed record SqlColumnRole(SqlColumnPart Part, SqlSourceTable Table, string Property, string Description, IReadOnlyList<string> Names, bool Required)
{
    /// <summary>Every part the KPI queries read, in a fixed order.</summary>
    public static SqlColumnRole[] Of(SqlSource source) =>
    [
        new(SqlColumnPart.CustomerId, SqlSourceTable.Customers, "CustomerColumns.Id", "customer id", source.CustomerColumns.Id, true),
        new(SqlColumnPart.Segment, SqlSourceTable.Customers, "CustomerColumns.Segment", "segment", source.CustomerColumns.Segment, true),
        new(SqlColumnPart.ProductId, SqlSourceTable.Products, "ProductColumns.Id", "product id", source.ProductColumns.Id, true),
        new(SqlColumnPart.Category, SqlSourceTable.Products, "ProductColumns.Category", "category", source.ProductColumns.Category, true),
        new(SqlColumnPart.ListPrice, SqlSourceTable.Products, "ProductColumns.Price", "list price", source.ProductColumns.Price, false),
        new(SqlColumnPart.LineCustomerId, SqlSourceTable.Transactions, "TransactionColumns.CustomerId", "customer id", source.TransactionColumns.CustomerId, true),
        new(SqlColumnPart.LineProductId, SqlSourceTable.Transactions, "TransactionColumns.ProductId", "product id", source.TransactionColumns.ProductId, true),
        new(SqlColumnPart.Quantity, SqlSourceTable.Transactions, "TransactionColumns.Quantity", "quantity", source.TransactionColumns.Quantity, true),
        new(SqlColumnPart.UnitPrice, SqlSourceTable.Transactions, "TransactionColumns.UnitPrice", "unit price", source.TransactionColumns.UnitPrice, false),
        new(SqlColumnPart.OrderId, SqlSourceTable.Transactions, "TransactionColumns.OrderId", "order id", source.TransactionColumns.OrderId, false),
        new(SqlColumnPart.LineTotal, SqlSourceTable.Transactions, "TransactionColumns.LineTotal", "line total", source.TransactionColumns.LineTotal, false),
        new(SqlColumnPart.Timestamp, SqlSourceTable.Transactions, "TransactionColumns.Timestamp", "timestamp", source.TransactionColumns.Timestamp, false),
    ];
}
