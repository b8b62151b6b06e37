namespace CustomerAnalytics.Recommendations;

/// <summary>What a caller wants recommended. Immutable: derive variants with <c>with</c>.</summary>
public sealed record RecommendationRequest
{
    /// <summary>The default request: 10 items, excluding what the customer already bought, no filters.</summary>
    public static RecommendationRequest Default { get; } = new();

    /// <summary>How many items at most.</summary>
    /// <value>Defaults to 10. Must not be negative.</value>
    public int Count { get; init; } = 10;

    /// <summary>Whether products the customer already bought are left out (set to <see langword="false"/> for replenishables).</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool ExcludePurchased { get; init; } = true;

    /// <summary>When set, only these products may be recommended (a candidate list).</summary>
    /// <value>Defaults to <see langword="null"/>: every product may be.</value>
    public IReadOnlySet<string>? AllowedProductIds { get; init; }

    /// <summary>When set, these products are never recommended.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public IReadOnlySet<string>? DeniedProductIds { get; init; }

    /// <summary>Checks the request.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Count"/> is negative.</exception>
    public void Validate() => ArgumentOutOfRangeException.ThrowIfNegative(Count, nameof(Count));
}
