using System.Collections.Immutable;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Recommendations;

/// <summary>A customer and the products it bought, as <see cref="RecommenderStatistics"/> holds it.</summary>
/// <param name="Customer">The customer (id, segment, signup date, name).</param>
/// <param name="PurchasedProductIds">The ids of the products of which the customer has at least one line with a
/// positive quantity (a later return does not undo that it was bought); order does not matter.</param>
public sealed record CustomerProducts(Customer Customer, ImmutableArray<string> PurchasedProductIds);
