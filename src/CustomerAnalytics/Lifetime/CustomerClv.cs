namespace CustomerAnalytics.Lifetime;

/// <summary>One customer's lifetime value. See <see cref="ClvCalculator.Compute"/> and <c>docs/kpis.md</c>.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Frequency">x: repeat purchase days in the calibration period.</param>
/// <param name="Recency">tₓ, in the summary's unit.</param>
/// <param name="T">Age, in the summary's unit.</param>
/// <param name="MonetaryValue">m̄ₓ: mean spend of the repeat purchase days.</param>
/// <param name="ProbabilityAlive">BG/NBD probability that the customer is still active.</param>
/// <param name="ExpectedPurchases">BG/NBD expected purchases over the whole horizon.</param>
/// <param name="ExpectedAverageSpend">Gamma-Gamma expected spend per purchase, rounded to the cent; the population mean when x = 0 or m̄ₓ ≤ 0.</param>
/// <param name="Clv">Discounted expected revenue over the horizon, rounded to the cent.</param>
public sealed record CustomerClv(
    string CustomerId,
    int Frequency,
    double Recency,
    double T,
    decimal MonetaryValue,
    double ProbabilityAlive,
    double ExpectedPurchases,
    decimal ExpectedAverageSpend,
    decimal Clv);
