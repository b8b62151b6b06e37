namespace CustomerAnalytics.Model;

/// <summary>A product of the catalogue, belonging to one category.</summary>
/// <param name="Id">The product's identifier, compared ordinally. Must not be empty.</param>
/// <param name="Category">The category the product belongs to.</param>
/// <param name="ListPrice">
/// The product's list price, used for a transaction that carries no unit price of its own;
/// <see langword="null"/> when the catalogue has no price (every transaction must then bring its own).
/// </param>
/// <param name="Name">An optional display name.</param>
public sealed record Product(string Id, string Category, decimal? ListPrice = null, string? Name = null);
