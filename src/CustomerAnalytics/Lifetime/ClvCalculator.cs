namespace CustomerAnalytics.Lifetime;

/// <summary>
/// Discounted customer lifetime value from a BG/NBD purchase model and a Gamma-Gamma spend model:
/// CLV = Σₖ₌₁..K E[M] · (E[Y(kΔ)] − E[Y((k−1)Δ)]) ÷ (1 + d)^k, with Δ the period length in the model's unit,
/// E[Y(t)] the BG/NBD conditional expected purchases in the next t and E[M] the Gamma-Gamma expected spend.
/// </summary>
public static class ClvCalculator
{
    /// <summary>Computes every customer's lifetime value.</summary>
    /// <param name="summary">The calibration summary; its unit must be the purchase model's.</param>
    /// <param name="purchases">The fitted BG/NBD model.</param>
    /// <param name="spend">The fitted Gamma-Gamma model.</param>
    /// <param name="options">Horizon and discount; <see cref="ClvOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>One value per customer, in the summary's order.</returns>
    /// <exception cref="ArgumentException">The options are invalid or the units differ.</exception>
    /// <exception cref="InvalidOperationException">The purchase model has no finite expectation (a = 1, or a + b ≤ 1).</exception>
    public static ClvResult Compute(BtydSummary summary, BgNbdModel purchases, GammaGammaModel spend, ClvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(spend);
        options ??= ClvOptions.Default;
        options.Validate();
        purchases.CheckUnit(summary);
        var step = options.PeriodDays / LifetimeMath.DaysPerUnit(purchases.TimeUnit);
        var discount = new double[options.Periods + 1];
        for (var k = 1; k <= options.Periods; k++)
        {
            discount[k] = Math.Pow(1 + options.DiscountRate, -k);
        }

        // Per distinct (x, tₓ, T): the discounted expected purchases and the expected purchases over the horizon.
        var rows = BgNbdModel.Rows(summary);
        var horizon = new double[rows.Count];
        var discounted = BgNbdModel.ForEach(rows.Count, i =>
        {
            var x = rows.X[rows.RowX[i]];
            var tx = rows.Tx[rows.RowTx[i]];
            var age = rows.T[rows.RowT[i]];
            double previous = 0, sum = 0;
            for (var k = 1; k <= options.Periods; k++)
            {
                var current = purchases.Conditional(k * step, x, tx, age);
                sum += (current - previous) * discount[k];
                previous = current;
            }

            horizon[i] = previous;
            return sum;
        });

        var alive = purchases.ProbabilityAlive(summary);
        var customers = new CustomerClv[summary.Count];
        decimal total = 0;
        int population = 0, nonPositive = 0;
        for (var i = 0; i < customers.Length; i++)
        {
            var row = rows.RowOfCustomer[i];
            var frequency = summary.Frequency[i];
            var monetary = summary.MonetaryValue[i];
            if (frequency == 0 || monetary <= 0)
            {
                population++;
                nonPositive += frequency > 0 ? 1 : 0;
            }

            var meanSpend = spend.ExpectedAverageSpend(frequency, monetary);
            var clv = Cents(meanSpend * discounted[row]);
            total += clv;
            customers[i] = new CustomerClv(summary.CustomerIds[i], frequency, summary.Recency[i], summary.T[i], monetary, alive[i], horizon[row], Cents(meanSpend), clv);
        }

        return new ClvResult(options, [.. customers], total, population, nonPositive);
    }

    private static decimal Cents(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 1e15
            ? Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero)
            : throw new InvalidOperationException(FormattableString.Invariant($"The models give no finite value ({value}); a BG/NBD model with a = 1 or a + b ≤ 1 has no closed-form expectation."));
}
