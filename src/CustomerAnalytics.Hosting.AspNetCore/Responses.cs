using System.Collections.Immutable;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Hosting.AspNetCore;

/// <summary>The body of <c>GET /customers/{id}/recommendations</c>.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Strategy">The strategy that answered.</param>
/// <param name="ModelVersion">The model version that answered.</param>
/// <param name="Items">The recommendations, best first.</param>
public sealed record RecommendationsResponse(string CustomerId, string Strategy, long ModelVersion, ImmutableArray<Recommendation> Items);

/// <summary>The body of <c>GET /products/{id}/related</c>.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Category">Its category.</param>
/// <param name="Method">The strategy that found them (<c>item-cooccurrence</c>: customers who bought the product also
/// bought these; popularity when nobody bought it with anything).</param>
/// <param name="ModelVersion">The model version that answered.</param>
/// <param name="Items">The related products, most related first.</param>
public sealed record RelatedProductsResponse(string ProductId, string Category, string Method, long ModelVersion, ImmutableArray<Recommendation> Items);

/// <summary>The body of <c>POST /admin/reload</c>.</summary>
/// <param name="ModelVersion">The new model version.</param>
/// <param name="FittedAt">When it was fitted (written in UTC with a <c>Z</c>, as <c>/health</c> writes it).</param>
/// <param name="Transactions">Its transactions.</param>
/// <param name="Customers">Its customers.</param>
/// <param name="Products">Its products.</param>
public sealed record ReloadResponse(long ModelVersion, DateTimeOffset FittedAt, int Transactions, int Customers, int Products);
