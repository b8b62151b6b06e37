using CustomerAnalytics.Model;

namespace CustomerAnalytics.Recommendations;

/// <summary>The allow and deny lists of a <see cref="RecommendationRequest"/>, checked by product index.</summary>
internal readonly struct ProductFilter
{
    private readonly IReadOnlySet<string>? _allowed;
    private readonly IReadOnlySet<string>? _denied;
    private readonly Product[] _products;

    public ProductFilter(RecommendationRequest request, Product[] products)
    {
        _allowed = request.AllowedProductIds;
        _denied = request.DeniedProductIds is { Count: > 0 } denied ? denied : null;
        _products = products;
    }

    /// <summary>Whether the filter lets every product through.</summary>
    public bool IsEmpty => _allowed is null && _denied is null;

    /// <summary>Whether the product may not be recommended.</summary>
    public bool Blocks(int product) =>
        (_allowed is not null && !_allowed.Contains(_products[product].Id))
        || (_denied is not null && _denied.Contains(_products[product].Id));
}
