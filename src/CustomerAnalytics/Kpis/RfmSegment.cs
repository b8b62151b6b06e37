namespace CustomerAnalytics.Kpis;

/// <summary>
/// The named segments of the widely used recency × frequency map (R and F scores 1–5; M does not enter):
/// <code>
///         F=1          F=2          F=3          F=4          F=5
/// R=5     New          Potential    Potential    Champions    Champions
/// R=4     Promising    Potential    Potential    Loyal        Loyal
/// R=3     AboutToSleep AboutToSleep NeedAttention Loyal       Loyal
/// R=2     Hibernating  Hibernating  AtRisk       AtRisk       CantLose
/// R=1     Hibernating  Hibernating  AtRisk       AtRisk       CantLose
/// </code>
/// (Potential = <see cref="PotentialLoyalists"/>.)
/// </summary>
public enum RfmSegment
{
    /// <summary>Bought recently and often (R 5, F 4–5).</summary>
    Champions,

    /// <summary>Buy often, fairly recently (R 3–4, F 4–5).</summary>
    Loyal,

    /// <summary>Recent customers with a few purchases (R 4–5, F 2–3).</summary>
    PotentialLoyalists,

    /// <summary>Bought very recently, once (R 5, F 1).</summary>
    New,

    /// <summary>Bought recently, once (R 4, F 1).</summary>
    Promising,

    /// <summary>Middling recency and frequency (R 3, F 3).</summary>
    NeedAttention,

    /// <summary>Middling recency, few purchases (R 3, F 1–2).</summary>
    AboutToSleep,

    /// <summary>Used to buy fairly often, not lately (R 1–2, F 3–4).</summary>
    AtRisk,

    /// <summary>Used to buy most often, not lately (R 1–2, F 5).</summary>
    CantLose,

    /// <summary>Long gone, few purchases (R 1–2, F 1–2).</summary>
    Hibernating,
}
