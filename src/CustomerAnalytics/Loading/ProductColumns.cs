namespace CustomerAnalytics.Loading;

/// <summary>
/// The header names (or JSON property names) each product field is read from; the first one present wins,
/// matched ignoring case and surrounding white space.
/// </summary>
public sealed record ProductColumns
{
    /// <summary>The default names: the seed's <c>product_id,category,price</c> and common aliases.</summary>
    public static ProductColumns Default { get; } = new();

    /// <summary>Names of the required id column.</summary>
    /// <value>Defaults to <c>product_id</c>, <c>productid</c>, <c>sku</c>, <c>item_id</c>, <c>id</c>.</value>
    public IReadOnlyList<string> Id { get; init; } = ["product_id", "productid", "sku", "item_id", "id"];

    /// <summary>Names of the required category column.</summary>
    /// <value>Defaults to <c>category</c>, <c>product_category</c>.</value>
    public IReadOnlyList<string> Category { get; init; } = ["category", "product_category"];

    /// <summary>Names of the list price column (optional: without it every transaction must carry its own price).</summary>
    /// <value>Defaults to <c>price</c>, <c>list_price</c>, <c>unit_price</c>.</value>
    public IReadOnlyList<string> Price { get; init; } = ["price", "list_price", "unit_price"];

    /// <summary>Names of the optional display name column.</summary>
    /// <value>Defaults to <c>name</c>, <c>product_name</c>, <c>description</c>.</value>
    public IReadOnlyList<string> Name { get; init; } = ["name", "product_name", "description"];
}
