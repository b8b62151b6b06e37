namespace CustomerAnalytics.Lifetime;

/// <summary>One customer's row of a <see cref="BtydSummary"/>.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Frequency">Repeat purchase days in the calibration period (the first purchase day is not counted).</param>
/// <param name="Recency">From the first to the last purchase day of the calibration period, in the summary's unit; 0 when <paramref name="Frequency"/> is 0.</param>
/// <param name="T">Age: from the first purchase day to the calibration end, in the summary's unit.</param>
/// <param name="MonetaryValue">Mean revenue of the repeat purchase days (returns after the first day subtract); 0 when <paramref name="Frequency"/> is 0.</param>
/// <param name="FrequencyHoldout">Purchase days in the holdout period.</param>
/// <param name="MonetaryValueHoldout">Mean revenue of the holdout purchase days; 0 when there are none.</param>
public sealed record CustomerSummary(string CustomerId, int Frequency, double Recency, double T, decimal MonetaryValue, int FrequencyHoldout, decimal MonetaryValueHoldout);
