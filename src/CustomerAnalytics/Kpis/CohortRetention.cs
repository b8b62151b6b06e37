using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Kpis;

/// <summary>
/// The steps of <see cref="CustomerKpiCalculator.Cohorts"/>: each customer's cohort (month of first purchase), the
/// cells (cohort × months since acquisition, up to the last month with an order), their revenue and active customers.
/// </summary>
internal sealed class CohortRetention
{
    private readonly int[] _offset;
    private readonly int[] _size;
    private readonly int[] _active;
    private readonly Int128[] _revenue;

    /// <summary>Cell (cohort, k) lives at offset[cohort − first] + k; a cohort has last − cohort + 1 cells.</summary>
    private CohortRetention(int firstCohort, int lastMonth)
    {
        FirstCohort = firstCohort;
        var cohorts = lastMonth - firstCohort + 1;
        _offset = new int[cohorts + 1];
        for (var i = 0; i < cohorts; i++)
        {
            _offset[i + 1] = _offset[i] + (lastMonth - (firstCohort + i) + 1);
        }

        _size = new int[cohorts];
        _active = new int[_offset[cohorts]];
        _revenue = new Int128[_offset[cohorts]];
    }

    private int FirstCohort { get; }

    private int Cohorts => _size.Length;

    /// <summary>The cells of a dataset's orders; empty without a purchase by a customer.</summary>
    public static ImmutableArray<CohortCell> Compute(EnrichedDataset dataset, TimeZoneInfo timeZone)
    {
        var facts = dataset.OrderFacts;
        if (facts.Count == 0)
        {
            return [];
        }

        var month = MonthOfEachOrder(facts, timeZone, out var lastMonth);
        var cohortOf = CohortOfEachCustomer(dataset, facts, month, out var firstCohort);
        if (firstCohort == int.MaxValue)
        {
            return [];
        }

        var table = new CohortRetention(firstCohort, lastMonth);
        table.CountCustomers(cohortOf);
        var pairs = table.SumOrders(facts, month, cohortOf);
        table.CountActiveCustomers(pairs);
        return table.Rows();
    }

    /// <summary>Per order, its local month (months since year 0); the last one seen.</summary>
    private static int[] MonthOfEachOrder(OrderFacts facts, TimeZoneInfo timeZone, out int lastMonth)
    {
        var days = facts.LocalDays(timeZone);
        var month = new int[facts.Count];
        lastMonth = int.MinValue;
        for (var o = 0; o < facts.Count; o++)
        {
            month[o] = LocalCalendar.MonthIndex(days[o]);
            lastMonth = Math.Max(lastMonth, month[o]);
        }

        return month;
    }

    /// <summary>Per customer, the month of its first purchase (<see cref="int.MaxValue"/> for none, and for the guest); the earliest one.</summary>
    private static int[] CohortOfEachCustomer(EnrichedDataset dataset, OrderFacts facts, int[] month, out int firstCohort)
    {
        var cohortOf = new int[dataset.CustomerTable.Length];
        Array.Fill(cohortOf, int.MaxValue);
        for (var o = 0; o < facts.Count; o++)
        {
            if (facts.IsPurchase(o) && !dataset.IsGuest(facts.Customer[o]))
            {
                cohortOf[facts.Customer[o]] = Math.Min(cohortOf[facts.Customer[o]], month[o]);
            }
        }

        firstCohort = int.MaxValue;
        foreach (var c in cohortOf)
        {
            firstCohort = Math.Min(firstCohort, c);
        }

        return cohortOf;
    }

    private void CountCustomers(int[] cohortOf)
    {
        foreach (var c in cohortOf)
        {
            if (c != int.MaxValue)
            {
                _size[c - FirstCohort]++;
            }
        }
    }

    /// <summary>Sums each cell's revenue; returns the (cell, customer) pair of every purchase.</summary>
    private long[] SumOrders(OrderFacts facts, int[] month, int[] cohortOf)
    {
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

            var cell = _offset[cohort - FirstCohort] + month[o] - cohort;
            _revenue[cell] += facts.RevenueUnits[o];
            if (facts.IsPurchase(o))
            {
                pairs.Add(((long)cell << 32) | (uint)customer);
            }
        }

        return pairs.ToArray();
    }

    /// <summary>A cell's active customers: the distinct customers with a purchase in it.</summary>
    private void CountActiveCustomers(long[] pairs)
    {
        Array.Sort(pairs);
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i == 0 || pairs[i] != pairs[i - 1])
            {
                _active[(int)(pairs[i] >> 32)]++;
            }
        }
    }

    /// <summary>The cells by cohort then months since acquisition; cohorts without customers left out.</summary>
    private ImmutableArray<CohortCell> Rows()
    {
        var result = ImmutableArray.CreateBuilder<CohortCell>();
        for (var i = 0; i < Cohorts; i++)
        {
            if (_size[i] == 0)
            {
                continue;
            }

            var label = LocalCalendar.Label(FirstCohort + i, KpiPeriod.Month);
            var start = LocalCalendar.PeriodStart(FirstCohort + i, KpiPeriod.Month);
            for (var cell = _offset[i]; cell < _offset[i + 1]; cell++)
            {
                result.Add(new CohortCell(label, start, _size[i], cell - _offset[i], _active[cell], (double)_active[cell] / _size[i], Money.ToDecimal(_revenue[cell])));
            }
        }

        return result.ToImmutable();
    }
}
