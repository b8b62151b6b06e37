namespace CustomerAnalytics.Evaluation;

/// <summary>The logarithm of NDCG's discount 1 / log(1 + rank).</summary>
/// <remarks>With binary relevance the choice cancels out of DCG / IDCG, so NDCG is the same either way; it is offered to
/// match tools that report one or the other.</remarks>
public enum DiscountLogarithm
{
    /// <summary>Natural logarithm, as Microsoft Recommenders' <c>ndcg_at_k</c> defaults to (<c>discfun_type="loge"</c>).</summary>
    Natural = 0,

    /// <summary>Base-2 logarithm (<c>discfun_type="log2"</c>).</summary>
    Base2 = 1,
}
