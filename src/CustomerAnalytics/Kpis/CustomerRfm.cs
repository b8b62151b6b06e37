namespace CustomerAnalytics.Kpis;

/// <summary>One customer's RFM values, scores and segment. See <see cref="RfmCalculator.Compute"/> and <c>docs/kpis.md</c>.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="LastPurchase">The local date of the customer's latest purchase on or before the analysis date.</param>
/// <param name="Recency">Days from <paramref name="LastPurchase"/> to the analysis date.</param>
/// <param name="Frequency">Purchases (orders with net units &gt; 0) on or before the analysis date.</param>
/// <param name="Monetary">Σ revenue of the customer's orders on or before the analysis date, returns included.</param>
/// <param name="RecencyScore">1–5, 5 = most recent.</param>
/// <param name="FrequencyScore">1–5, 5 = most frequent.</param>
/// <param name="MonetaryScore">1–5, 5 = highest spend.</param>
/// <param name="Segment">The named segment of (R, F).</param>
public sealed record CustomerRfm(
    string CustomerId,
    DateOnly LastPurchase,
    int Recency,
    int Frequency,
    decimal Monetary,
    int RecencyScore,
    int FrequencyScore,
    int MonetaryScore,
    RfmSegment Segment)
{
    /// <summary>The three scores as one code, R then F then M: <c>"545"</c>.</summary>
    public string Score => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{RecencyScore}{FrequencyScore}{MonetaryScore}");
}
