using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Kpis;

/// <summary>
/// Customer KPIs over time: time series by day, ISO week or month, purchase rates and cohort retention. Every figure
/// is built on one definition of an order (a distinct <see cref="EnrichedDataset.OrderIndexes"/> value; a
/// <em>purchase</em> has net units &gt; 0, a <em>return</em> net units &lt; 0) — the same one RFM and the lifetime
/// models use. Definitions and edge cases: <c>docs/kpis.md</c>.
/// </summary>
public static class CustomerKpiCalculator
{
    /// <summary>
    /// Revenue, orders, units, active, new and returning customers per period, from the first period with an order to
    /// the last; periods without orders are present with zeros.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="options">The period length and time zone; <see cref="TimeSeriesOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>One entry per period, oldest first; empty when the dataset has no orders.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static ImmutableArray<PeriodKpi> ByPeriod(EnrichedDataset dataset, TimeSeriesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= TimeSeriesOptions.Default;
        options.Validate();
        return PeriodSeries.Compute(dataset, options);
    }

    /// <summary>
    /// Average order value, units per order, revenue per customer and the repeat purchase rate (customers with at
    /// least two purchases ÷ customers with at least one) over the whole dataset.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The figures; all zero for a dataset without orders.</returns>
    public static PurchaseKpis Purchases(EnrichedDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var facts = dataset.OrderFacts;
        var purchasesOf = new int[dataset.CustomerTable.Length];
        Int128 revenue = 0, customerRevenue = 0;
        long units = 0;
        int orders = 0, returns = 0;
        for (var o = 0; o < facts.Count; o++)
        {
            revenue += facts.RevenueUnits[o];
            customerRevenue += dataset.IsGuest(facts.Customer[o]) ? 0 : facts.RevenueUnits[o];
            units += facts.Units[o];
            if (facts.IsPurchase(o))
            {
                orders++;
                purchasesOf[facts.Customer[o]] += dataset.IsGuest(facts.Customer[o]) ? 0 : 1;
            }
            else if (facts.IsReturn(o))
            {
                returns++;
            }
        }

        int customers = 0, repeat = 0;
        foreach (var count in purchasesOf)
        {
            customers += count >= 1 ? 1 : 0;
            repeat += count >= 2 ? 1 : 0;
        }

        var total = Money.ToDecimal(revenue);
        return new PurchaseKpis(
            customers,
            repeat,
            orders,
            returns,
            units,
            total,
            Ratio(total, orders),
            orders == 0 ? 0 : (double)units / orders,
            Ratio(Money.ToDecimal(customerRevenue), customers),
            customers == 0 ? 0 : (double)repeat / customers);
    }

    /// <summary>
    /// Cohort retention: customers grouped by the calendar month of their first purchase; for each cohort and each
    /// month since acquisition up to the dataset's last month with an order, the customers still buying, the rate and
    /// the revenue.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="timeZone">The time zone whose calendar months count; <see cref="TimeZoneInfo.Utc"/> when <see langword="null"/>.</param>
    /// <returns>The cells, by cohort (oldest first) then months since acquisition; cohorts without customers are absent.</returns>
    public static ImmutableArray<CohortCell> Cohorts(EnrichedDataset dataset, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        timeZone ??= TimeZoneInfo.Utc;
        return CohortRetention.Compute(dataset, timeZone);
    }

    /// <summary>Money ÷ count rounded to the cent (half away from zero); 0 when the count is 0.</summary>
    internal static decimal Ratio(decimal amount, int count) =>
        count == 0 ? 0m : Math.Round(amount / count, 2, MidpointRounding.AwayFromZero);
}
