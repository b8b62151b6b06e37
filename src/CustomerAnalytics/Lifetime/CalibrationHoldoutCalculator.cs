using System.Collections.Immutable;

namespace CustomerAnalytics.Lifetime;

/// <summary>
/// The data of <c>lifetimes</c>' <c>plot_calibration_purchases_vs_holdout_purchases</c> (the default
/// <c>kind="frequency_cal"</c>): customers grouped by calibration frequency, each group's mean actual holdout purchases
/// beside the mean the BG/NBD model predicts for the holdout, for the lowest frequencies present.
/// </summary>
public static class CalibrationHoldoutCalculator
{
    /// <summary>Compares actual and predicted holdout purchases by calibration frequency.</summary>
    /// <param name="summary">A summary with a holdout period (<see cref="BtydSummaryOptions.ObservationEnd"/>); its unit must be the model's.</param>
    /// <param name="purchases">The BG/NBD model fitted on the calibration period.</param>
    /// <param name="frequencies">
    /// How many groups to keep: the lowest distinct calibration frequencies present, as lifetimes' <c>n</c> (<c>.iloc[:n]</c>);
    /// a frequency no customer has gets no row.
    /// </param>
    /// <returns>One row per kept frequency, ascending.</returns>
    /// <exception cref="ArgumentException">The summary has no holdout period, or its unit differs from the model's.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frequencies"/> is below 1.</exception>
    public static ImmutableArray<CalibrationHoldoutRow> Compute(BtydSummary summary, BgNbdModel purchases, int frequencies = 7)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentOutOfRangeException.ThrowIfLessThan(frequencies, 1);
        purchases.CheckUnit(summary);
        if (!(summary.DurationHoldout > 0))
        {
            throw new ArgumentException("The summary has no holdout period; build it with BtydSummaryOptions.CalibrationEnd and ObservationEnd.", nameof(summary));
        }

        var predicted = purchases.ConditionalExpectedPurchases(summary, summary.DurationHoldout);
        var groups = new SortedDictionary<int, (int Customers, long Actual, double Predicted)>();
        for (var i = 0; i < summary.Count; i++)
        {
            var sums = groups.GetValueOrDefault(summary.Frequency[i]);
            groups[summary.Frequency[i]] = (sums.Customers + 1, sums.Actual + summary.FrequencyHoldout[i], sums.Predicted + predicted[i]);
        }

        return [.. groups.Take(frequencies).Select(g => new CalibrationHoldoutRow(
            g.Key, g.Value.Customers, (double)g.Value.Actual / g.Value.Customers, g.Value.Predicted / g.Value.Customers))];
    }
}
