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
        return ByPeriodFromOrders(dataset, OrderFacts.Build(dataset), options);
    }

    /// <summary>The calculation on order facts built already (the pipeline builds them once for every KPI).</summary>
    internal static ImmutableArray<PeriodKpi> ByPeriodFromOrders(EnrichedDataset dataset, OrderFacts facts, TimeSeriesOptions options)
    {
        if (facts.Count == 0)
        {
            return [];
        }

        var days = LocalCalendar.Days(facts.Ticks, options.TimeZone);
        var period = new int[facts.Count];
        var first = int.MaxValue;
        var last = int.MinValue;
        for (var o = 0; o < period.Length; o++)
        {
            period[o] = LocalCalendar.PeriodIndex(days[o], options.Period);
            first = Math.Min(first, period[o]);
            last = Math.Max(last, period[o]);
        }

        var n = last - first + 1;
        var revenue = new Int128[n];
        var units = new long[n];
        var orders = new int[n];
        var returns = new int[n];
        var active = new int[n];
        var newCustomers = new int[n];
        var returning = new int[n];
        var customerRevenue = new Int128[n];
        var firstPurchase = new int[dataset.CustomerTable.Length];
        Array.Fill(firstPurchase, int.MaxValue);
        var pairs = new List<long>(facts.Count);
        for (var o = 0; o < facts.Count; o++)
        {
            var p = period[o] - first;
            revenue[p] += facts.RevenueUnits[o];
            customerRevenue[p] += dataset.IsGuest(facts.Customer[o]) ? 0 : facts.RevenueUnits[o];
            units[p] += facts.Units[o];
            if (facts.IsPurchase(o))
            {
                orders[p]++;
                var c = facts.Customer[o];
                if (!dataset.IsGuest(c))
                {
                    firstPurchase[c] = Math.Min(firstPurchase[c], p);
                    pairs.Add(((long)p << 32) | (uint)c);
                }
            }
            else if (facts.IsReturn(o))
            {
                returns[p]++;
            }
        }

        foreach (var p in firstPurchase)
        {
            if (p != int.MaxValue)
            {
                newCustomers[p]++;
            }
        }

        var sorted = pairs.ToArray();
        Array.Sort(sorted);
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0 && sorted[i] == sorted[i - 1])
            {
                continue;
            }

            var p = (int)(sorted[i] >> 32);
            var c = (int)(uint)sorted[i];
            active[p]++;
            if (firstPurchase[c] < p)
            {
                returning[p]++;
            }
        }

        var result = ImmutableArray.CreateBuilder<PeriodKpi>(n);
        for (var p = 0; p < n; p++)
        {
            var total = Money.ToDecimal(revenue[p]);
            result.Add(new PeriodKpi(
                LocalCalendar.Label(first + p, options.Period),
                LocalCalendar.PeriodStart(first + p, options.Period),
                total,
                orders[p],
                returns[p],
                units[p],
                active[p],
                newCustomers[p],
                returning[p],
                Ratio(total, orders[p]),
                orders[p] == 0 ? 0 : (double)units[p] / orders[p],
                Ratio(Money.ToDecimal(customerRevenue[p]), active[p]),
                active[p] == 0 ? 0 : (double)returning[p] / active[p]));
        }

        return result.MoveToImmutable();
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
        return PurchasesFromOrders(dataset, OrderFacts.Build(dataset));
    }

    /// <summary>The calculation on order facts built already (the pipeline builds them once for every KPI).</summary>
    internal static PurchaseKpis PurchasesFromOrders(EnrichedDataset dataset, OrderFacts facts)
    {
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
        return CohortsFromOrders(dataset, OrderFacts.Build(dataset), timeZone);
    }

    /// <summary>The calculation on order facts built already (the pipeline builds them once for every KPI).</summary>
    internal static ImmutableArray<CohortCell> CohortsFromOrders(EnrichedDataset dataset, OrderFacts facts, TimeZoneInfo timeZone)
    {
        if (facts.Count == 0)
        {
            return [];
        }

        var days = LocalCalendar.Days(facts.Ticks, timeZone);
        var month = new int[facts.Count];
        var lastMonth = int.MinValue;
        var cohortOf = new int[dataset.CustomerTable.Length];
        Array.Fill(cohortOf, int.MaxValue);
        for (var o = 0; o < facts.Count; o++)
        {
            month[o] = LocalCalendar.MonthIndex(days[o]);
            lastMonth = Math.Max(lastMonth, month[o]);
            if (facts.IsPurchase(o) && !dataset.IsGuest(facts.Customer[o]))
            {
                cohortOf[facts.Customer[o]] = Math.Min(cohortOf[facts.Customer[o]], month[o]);
            }
        }

        var firstCohort = int.MaxValue;
        foreach (var c in cohortOf)
        {
            firstCohort = Math.Min(firstCohort, c);
        }

        if (firstCohort == int.MaxValue)
        {
            return [];
        }

        // Cell (cohort, k) lives at offset[cohort − firstCohort] + k; a cohort has lastMonth − cohort + 1 cells.
        var cohorts = lastMonth - firstCohort + 1;
        var offset = new int[cohorts + 1];
        for (var i = 0; i < cohorts; i++)
        {
            offset[i + 1] = offset[i] + (lastMonth - (firstCohort + i) + 1);
        }

        var size = new int[cohorts];
        foreach (var c in cohortOf)
        {
            if (c != int.MaxValue)
            {
                size[c - firstCohort]++;
            }
        }

        var active = new int[offset[cohorts]];
        var revenue = new Int128[offset[cohorts]];
        var pairs = new List<long>(facts.Count);
        for (var o = 0; o < facts.Count; o++)
        {
            var customer = facts.Customer[o];
            var cohort = cohortOf[customer];

            // Orders of customers who never purchased, and returns dated before the first purchase, belong to no cell.
            if (cohort == int.MaxValue || month[o] < cohort)
            {
                continue;
            }

            var cell = offset[cohort - firstCohort] + month[o] - cohort;
            revenue[cell] += facts.RevenueUnits[o];
            if (facts.IsPurchase(o))
            {
                pairs.Add(((long)cell << 32) | (uint)customer);
            }
        }

        var sorted = pairs.ToArray();
        Array.Sort(sorted);
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                active[(int)(sorted[i] >> 32)]++;
            }
        }

        var result = ImmutableArray.CreateBuilder<CohortCell>();
        for (var i = 0; i < cohorts; i++)
        {
            if (size[i] == 0)
            {
                continue;
            }

            var label = LocalCalendar.Label(firstCohort + i, KpiPeriod.Month);
            var start = LocalCalendar.PeriodStart(firstCohort + i, KpiPeriod.Month);
            for (var cell = offset[i]; cell < offset[i + 1]; cell++)
            {
                result.Add(new CohortCell(label, start, size[i], cell - offset[i], active[cell], (double)active[cell] / size[i], Money.ToDecimal(revenue[cell])));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Money ÷ count rounded to the cent (half away from zero); 0 when the count is 0.</summary>
    internal static decimal Ratio(decimal amount, int count) =>
        count == 0 ? 0m : Math.Round(amount / count, 2, MidpointRounding.AwayFromZero);
}
