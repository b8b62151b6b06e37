using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Kpis;

/// <summary>The steps of <see cref="CustomerKpiCalculator.ByPeriod"/>: place each order in a period, sum, count customers, emit rows.</summary>
internal sealed class PeriodSeries
{
    private readonly Int128[] _revenue;
    private readonly Int128[] _customerRevenue;
    private readonly long[] _units;
    private readonly int[] _orders;
    private readonly int[] _returns;
    private readonly int[] _active;
    private readonly int[] _newCustomers;
    private readonly int[] _returning;

    private PeriodSeries(int first, int count)
    {
        First = first;
        _revenue = new Int128[count];
        _customerRevenue = new Int128[count];
        _units = new long[count];
        _orders = new int[count];
        _returns = new int[count];
        _active = new int[count];
        _newCustomers = new int[count];
        _returning = new int[count];
    }

    /// <summary>The index of the first period (the one with the oldest order).</summary>
    private int First { get; }

    private int Count => _orders.Length;

    /// <summary>The series of a dataset's orders; empty without orders.</summary>
    public static ImmutableArray<PeriodKpi> Compute(EnrichedDataset dataset, TimeSeriesOptions options)
    {
        var facts = dataset.OrderFacts;
        if (facts.Count == 0)
        {
            return [];
        }

        var period = PeriodOfEachOrder(facts, options, out var first, out var last);
        var series = new PeriodSeries(first, last - first + 1);
        var firstPurchase = new int[dataset.CustomerTable.Length];
        Array.Fill(firstPurchase, int.MaxValue);
        var pairs = series.SumOrders(dataset, facts, period, firstPurchase);
        series.CountNewCustomers(firstPurchase);
        series.CountActiveCustomers(pairs, firstPurchase);
        return series.Rows(options.Period);
    }

    /// <summary>Per order, the index of its local period; the first and last index seen.</summary>
    private static int[] PeriodOfEachOrder(OrderFacts facts, TimeSeriesOptions options, out int first, out int last)
    {
        var days = facts.LocalDays(options.TimeZone);
        var period = new int[facts.Count];
        first = int.MaxValue;
        last = int.MinValue;
        for (var o = 0; o < period.Length; o++)
        {
            period[o] = LocalCalendar.PeriodIndex(days[o], options.Period);
            first = Math.Min(first, period[o]);
            last = Math.Max(last, period[o]);
        }

        return period;
    }

    /// <summary>
    /// Sums revenue, units, purchases and returns per period; notes each customer's first purchase period in
    /// <paramref name="firstPurchase"/> and returns the (period, customer) pair of every purchase (the guest's left out).
    /// </summary>
    private long[] SumOrders(EnrichedDataset dataset, OrderFacts facts, int[] period, int[] firstPurchase)
    {
        var pairs = new List<long>(facts.Count);
        for (var o = 0; o < facts.Count; o++)
        {
            var p = period[o] - First;
            _revenue[p] += facts.RevenueUnits[o];
            _customerRevenue[p] += dataset.IsGuest(facts.Customer[o]) ? 0 : facts.RevenueUnits[o];
            _units[p] += facts.Units[o];
            if (facts.IsPurchase(o))
            {
                _orders[p]++;
                var c = facts.Customer[o];
                if (!dataset.IsGuest(c))
                {
                    firstPurchase[c] = Math.Min(firstPurchase[c], p);
                    pairs.Add(((long)p << 32) | (uint)c);
                }
            }
            else if (facts.IsReturn(o))
            {
                _returns[p]++;
            }
        }

        return pairs.ToArray();
    }

    /// <summary>A customer is new in the period of its first purchase.</summary>
    private void CountNewCustomers(int[] firstPurchase)
    {
        foreach (var p in firstPurchase)
        {
            if (p != int.MaxValue)
            {
                _newCustomers[p]++;
            }
        }
    }

    /// <summary>A customer is active in each distinct period it purchased in, and returning there when it purchased before.</summary>
    private void CountActiveCustomers(long[] pairs, int[] firstPurchase)
    {
        Array.Sort(pairs);
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i > 0 && pairs[i] == pairs[i - 1])
            {
                continue;
            }

            var p = (int)(pairs[i] >> 32);
            var c = (int)(uint)pairs[i];
            _active[p]++;
            if (firstPurchase[c] < p)
            {
                _returning[p]++;
            }
        }
    }

    private ImmutableArray<PeriodKpi> Rows(KpiPeriod length)
    {
        var result = ImmutableArray.CreateBuilder<PeriodKpi>(Count);
        for (var p = 0; p < Count; p++)
        {
            var total = Money.ToDecimal(_revenue[p]);
            result.Add(new PeriodKpi(
                LocalCalendar.Label(First + p, length),
                LocalCalendar.PeriodStart(First + p, length),
                total,
                _orders[p],
                _returns[p],
                _units[p],
                _active[p],
                _newCustomers[p],
                _returning[p],
                CustomerKpiCalculator.Ratio(total, _orders[p]),
                _orders[p] == 0 ? 0 : (double)_units[p] / _orders[p],
                CustomerKpiCalculator.Ratio(Money.ToDecimal(_customerRevenue[p]), _active[p]),
                _active[p] == 0 ? 0 : (double)_returning[p] / _active[p]));
        }

        return result.MoveToImmutable();
    }
}
