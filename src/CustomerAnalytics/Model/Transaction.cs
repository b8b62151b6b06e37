namespace CustomerAnalytics.Model;

/// <summary>One transaction line: a customer bought (or returned) a quantity of a product at a point in time.</summary>
/// <remarks>
/// <para>Revenue is derived when the line is enriched: <see cref="LineTotal"/> when given, else
/// <see cref="Quantity"/> × <see cref="UnitPrice"/> when given, else <see cref="Quantity"/> × the product's
/// <see cref="Product.ListPrice"/>.</para>
/// <para>A negative quantity is a return: it reduces revenue and is counted in the enrichment report.</para>
/// </remarks>
/// <param name="Id">The transaction's identifier. Must not be empty.</param>
/// <param name="CustomerId">The buying customer's <see cref="Customer.Id"/>.</param>
/// <param name="ProductId">The product's <see cref="Product.Id"/>.</param>
/// <param name="Quantity">Units bought; negative for a return.</param>
/// <param name="Timestamp">When the transaction happened. Its offset is kept by the record; the dataset stores it as UTC.</param>
/// <param name="UnitPrice">The line's own unit price, overriding the product's list price; <see langword="null"/> to use the list price.</param>
/// <param name="OrderId">The order (basket, invoice) the line belongs to; <see langword="null"/> makes the line its own order, identified by <see cref="Id"/>.</param>
/// <param name="LineTotal">The line's total amount when the source gives it directly (for example a sales value after discounts); overrides quantity × price.</param>
public sealed record Transaction(
    string Id,
    string CustomerId,
    string ProductId,
    int Quantity,
    DateTimeOffset Timestamp,
    decimal? UnitPrice = null,
    string? OrderId = null,
    decimal? LineTotal = null);
