namespace CustomerAnalytics.Lifetime;

/// <summary>
/// One row of the calibration/holdout check (<see cref="CalibrationHoldoutCalculator"/>): the customers with a given
/// number of repeat purchases in calibration, and their mean actual and mean predicted purchases in the holdout.
/// </summary>
/// <param name="Frequency">The calibration frequency x shared by the row's customers.</param>
/// <param name="Customers">How many customers have it.</param>
/// <param name="ActualPurchases">Their mean <see cref="BtydSummary.FrequencyHoldout"/>.</param>
/// <param name="PredictedPurchases">Their mean BG/NBD conditional expected purchases over <see cref="BtydSummary.DurationHoldout"/>.</param>
public sealed record CalibrationHoldoutRow(int Frequency, int Customers, double ActualPurchases, double PredictedPurchases);
