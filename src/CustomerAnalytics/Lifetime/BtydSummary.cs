using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Lifetime;

/// <summary>
/// The frequency / recency / age / monetary summary that every "buy till you die" model starts from, one row per
/// customer, columnar, with an optional calibration/holdout split. Immutable.
/// </summary>
/// <remarks>
/// <para>Periods are calendar days (in the options' time zone): several purchases on one day collapse into one
/// period. Purchases and returns are the dataset's orders, as every customer KPI counts them (net units &gt; 0 a
/// purchase, &lt; 0 a return; <c>docs/kpis.md</c>): a day is a purchase period
/// when it holds a purchase; every order's revenue on or after the first purchase day (returns included) counts in
/// its day's spend.</para>
/// <para>The calibration period ends with <see cref="CalibrationEnd"/> (inclusive); the holdout runs from the day
/// after to <see cref="ObservationEnd"/>. Customers whose first purchase falls in the holdout are left out and counted
/// in <see cref="CustomersFirstSeenInHoldout"/>. Formulas: <c>docs/kpis.md</c>.</para>
/// </remarks>
public sealed class BtydSummary
{
    private readonly Lazy<DistinctRows> _rows;

    internal BtydSummary(
        string[] ids,
        int[] frequency,
        double[] recency,
        double[] t,
        decimal[] monetary,
        int[] frequencyHoldout,
        decimal[] monetaryHoldout,
        double durationHoldout,
        LifetimeTimeUnit unit,
        DateOnly? calibrationEnd,
        DateOnly? observationEnd,
        int firstSeenInHoldout)
    {
        CustomerIds = ImmutableCollectionsMarshal.AsImmutableArray(ids);
        Frequency = ImmutableCollectionsMarshal.AsImmutableArray(frequency);
        Recency = ImmutableCollectionsMarshal.AsImmutableArray(recency);
        T = ImmutableCollectionsMarshal.AsImmutableArray(t);
        MonetaryValue = ImmutableCollectionsMarshal.AsImmutableArray(monetary);
        FrequencyHoldout = ImmutableCollectionsMarshal.AsImmutableArray(frequencyHoldout);
        MonetaryValueHoldout = ImmutableCollectionsMarshal.AsImmutableArray(monetaryHoldout);
        DurationHoldout = durationHoldout;
        TimeUnit = unit;
        CalibrationEnd = calibrationEnd;
        ObservationEnd = observationEnd;
        CustomersFirstSeenInHoldout = firstSeenInHoldout;
        var repeat = 0;
        foreach (var x in frequency)
        {
            repeat += x > 0 ? 1 : 0;
        }

        RepeatBuyers = repeat;
        _rows = new Lazy<DistinctRows>(() => new DistinctRows(frequency, recency, t), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The number of customers (rows).</summary>
    public int Count => CustomerIds.Length;

    /// <summary>Customers with <see cref="Frequency"/> &gt; 0.</summary>
    public int RepeatBuyers { get; }

    /// <summary>Customers left out because their first purchase falls in the holdout period.</summary>
    public int CustomersFirstSeenInHoldout { get; }

    /// <summary>The unit of <see cref="Recency"/>, <see cref="T"/> and <see cref="DurationHoldout"/>.</summary>
    public LifetimeTimeUnit TimeUnit { get; }

    /// <summary>The last day of the calibration period; <see langword="null"/> for a summary made from columns.</summary>
    public DateOnly? CalibrationEnd { get; }

    /// <summary>The last day of the holdout period; <see langword="null"/> when there is no holdout.</summary>
    public DateOnly? ObservationEnd { get; }

    /// <summary>Per row, the customer id.</summary>
    public ImmutableArray<string> CustomerIds { get; }

    /// <summary>Per row, repeat purchase days in the calibration period.</summary>
    public ImmutableArray<int> Frequency { get; }

    /// <summary>Per row, first to last purchase day of the calibration period, in <see cref="TimeUnit"/>.</summary>
    public ImmutableArray<double> Recency { get; }

    /// <summary>Per row, first purchase day to the calibration end, in <see cref="TimeUnit"/>.</summary>
    public ImmutableArray<double> T { get; }

    /// <summary>Per row, the mean revenue of the repeat purchase days; 0 without repeats.</summary>
    public ImmutableArray<decimal> MonetaryValue { get; }

    /// <summary>Per row, purchase days in the holdout period.</summary>
    public ImmutableArray<int> FrequencyHoldout { get; }

    /// <summary>Per row, the mean revenue of the holdout purchase days; 0 without any.</summary>
    public ImmutableArray<decimal> MonetaryValueHoldout { get; }

    /// <summary>The length of the holdout period in <see cref="TimeUnit"/>; 0 without a holdout.</summary>
    public double DurationHoldout { get; }

    /// <summary>The summary compressed to its distinct (x, tₓ, T) rows, made once on first use (thread-safe).</summary>
    internal DistinctRows Rows => _rows.Value;

    /// <summary>One row as a record.</summary>
    /// <param name="index">The 0-based row.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a row.</exception>
    public CustomerSummary this[int index] =>
        new(CustomerIds[index], Frequency[index], Recency[index], T[index], MonetaryValue[index], FrequencyHoldout[index], MonetaryValueHoldout[index]);

    /// <summary>Summarises a dataset: one row per customer with a purchase in the calibration period, in customer order.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="options">Calibration end, holdout end, unit and time zone; <see cref="BtydSummaryOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static BtydSummary Create(EnrichedDataset dataset, BtydSummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= BtydSummaryOptions.Default;
        options.Validate();
        var facts = dataset.OrderFacts;
        var days = facts.LocalDays(options.TimeZone);
        var window = Window.Of(days, options);
        var orders = SortedOrders.Of(dataset, facts, days, window);
        var columns = new Columns();
        var firstSeenInHoldout = 0;
        var start = 0;
        while (start < orders.Count)
        {
            var end = orders.CustomerEnd(start);
            var firstPurchase = orders.FirstPurchaseDay(start, end);
            if (firstPurchase != int.MaxValue && firstPurchase > window.CalibrationEnd)
            {
                firstSeenInHoldout++;
            }
            else if (firstPurchase != int.MaxValue)
            {
                columns.Add(dataset.CustomerTable[orders.Customer(start)].Id, orders.Summarise(start, end, firstPurchase, window.CalibrationEnd), window);
            }

            start = end;
        }

        return new BtydSummary(
            [.. columns.Ids],
            [.. columns.Frequency],
            [.. columns.Recency],
            [.. columns.Age],
            [.. columns.Monetary],
            [.. columns.FrequencyHoldout],
            [.. columns.MonetaryHoldout],
            (window.ObservationEnd - window.CalibrationEnd) / window.UnitDays,
            options.TimeUnit,
            DateOnly.FromDayNumber(window.CalibrationEnd),
            options.ObservationEnd is null ? null : DateOnly.FromDayNumber(window.ObservationEnd),
            firstSeenInHoldout);
    }

    /// <summary>A summary from columns the caller already has (for example a published summary file); no holdout.</summary>
    /// <param name="customerIds">The customer ids.</param>
    /// <param name="frequency">Repeat purchase periods, ≥ 0.</param>
    /// <param name="recency">First to last purchase, 0 ≤ recency ≤ T; 0 when frequency is 0.</param>
    /// <param name="t">Age, &gt; 0 or = 0.</param>
    /// <param name="monetaryValue">Mean repeat spend; may be empty when unknown (then all zero).</param>
    /// <param name="timeUnit">The unit of recency and T.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">The columns differ in length or a row breaks the rules above (all such rows are listed, up to 10).</exception>
    public static BtydSummary FromColumns(
        IReadOnlyList<string> customerIds,
        ReadOnlySpan<int> frequency,
        ReadOnlySpan<double> recency,
        ReadOnlySpan<double> t,
        ReadOnlySpan<decimal> monetaryValue,
        LifetimeTimeUnit timeUnit)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var n = customerIds.Count;
        if (frequency.Length != n || recency.Length != n || t.Length != n || (monetaryValue.Length != n && !monetaryValue.IsEmpty))
        {
            throw new ArgumentException($"The columns differ in length: {n} ids, {frequency.Length} frequencies, {recency.Length} recencies, {t.Length} ages, {monetaryValue.Length} monetary values.");
        }

        var problems = new List<string>();
        var bad = 0;
        for (var i = 0; i < n; i++)
        {
            var ok = frequency[i] >= 0 && recency[i] >= 0 && double.IsFinite(t[i]) && recency[i] <= t[i] && (frequency[i] > 0 || recency[i] == 0);
            if (!ok && bad++ < 10)
            {
                problems.Add(FormattableString.Invariant($"row {i} ('{customerIds[i]}': frequency {frequency[i]}, recency {recency[i]}, T {t[i]})"));
            }
        }

        if (bad > 0)
        {
            throw new ArgumentException($"{bad} rows break 0 ≤ recency ≤ T, frequency ≥ 0, recency = 0 when frequency = 0: " + string.Join("; ", problems));
        }

        return new BtydSummary(
            [.. customerIds],
            frequency.ToArray(),
            recency.ToArray(),
            t.ToArray(),
            monetaryValue.IsEmpty ? new decimal[n] : monetaryValue.ToArray(),
            new int[n],
            new decimal[n],
            0,
            timeUnit,
            null,
            null,
            0);
    }

    /// <summary>The days that bound the summary: the first order's, the calibration end and the observation end (inclusive); and the unit's length in days.</summary>
    private readonly record struct Window(int MinDay, int CalibrationEnd, int ObservationEnd, double UnitDays)
    {
        public static Window Of(int[] days, BtydSummaryOptions options)
        {
            var minDay = int.MaxValue;
            var maxDay = int.MinValue;
            foreach (var d in days)
            {
                minDay = Math.Min(minDay, d);
                maxDay = Math.Max(maxDay, d);
            }

            var calibrationEnd = options.CalibrationEnd?.DayNumber ?? (days.Length == 0 ? DateOnly.MinValue.DayNumber : maxDay);
            var observationEnd = options.ObservationEnd?.DayNumber ?? calibrationEnd;
            return new Window(minDay, calibrationEnd, observationEnd, LifetimeMath.DaysPerUnit(options.TimeUnit));
        }
    }

    /// <summary>One customer's days and spend after its first purchase day, in the calibration period and in the holdout.</summary>
    private readonly record struct CustomerDays(int FirstPurchase, int LastDay, int RepeatDays, long RepeatSpend, int HoldoutDays, long HoldoutSpend);

    /// <summary>
    /// The orders up to the observation end (the guest's left out: no customer to count or to model), sorted by
    /// (customer, day, purchase last) through one 64-bit key: customer, day − first day, and 1 for a purchase.
    /// </summary>
    private sealed class SortedOrders(long[] keys, long[] revenue, int count, int minDay)
    {
        public int Count => count;

        public static SortedOrders Of(EnrichedDataset dataset, OrderFacts facts, int[] days, Window window)
        {
            var keys = new long[facts.Count];
            var revenue = new long[facts.Count];
            var n = 0;
            for (var o = 0; o < facts.Count; o++)
            {
                if (days[o] <= window.ObservationEnd && !dataset.IsGuest(facts.Customer[o]))
                {
                    keys[n] = ((long)facts.Customer[o] << 32) | ((long)(days[o] - window.MinDay) << 1) | (facts.IsPurchase(o) ? 1L : 0L);
                    revenue[n] = facts.RevenueUnits[o];
                    n++;
                }
            }

            Array.Sort(keys, revenue, 0, n);
            return new SortedOrders(keys, revenue, n, window.MinDay);
        }

        public int Customer(int i) => (int)(keys[i] >> 32);

        /// <summary>The end (exclusive) of the run of orders of the customer of order <paramref name="start"/>.</summary>
        public int CustomerEnd(int start)
        {
            var customer = Customer(start);
            var end = start;
            while (end < count && Customer(end) == customer)
            {
                end++;
            }

            return end;
        }

        /// <summary>The first purchase day of orders [start, end); <see cref="int.MaxValue"/> without a purchase.</summary>
        public int FirstPurchaseDay(int start, int end)
        {
            var firstPurchase = int.MaxValue;
            for (var i = start; i < end; i++)
            {
                if (IsPurchase(i))
                {
                    firstPurchase = Math.Min(firstPurchase, Day(i));
                }
            }

            return firstPurchase;
        }

        /// <summary>
        /// Orders [start, end) of one customer after its first purchase day: spend counts every order (returns
        /// included), a purchase day counts once however many purchases it holds.
        /// </summary>
        public CustomerDays Summarise(int start, int end, int firstPurchase, int calibrationEnd)
        {
            int repeatDays = 0, holdoutDays = 0, lastDay = firstPurchase, previousPurchaseDay = firstPurchase;
            long repeatSpend = 0, holdoutSpend = 0;
            for (var i = start; i < end; i++)
            {
                var day = Day(i);
                if (day <= firstPurchase)
                {
                    continue;
                }

                var isPurchase = IsPurchase(i);
                var newPurchaseDay = isPurchase && day != previousPurchaseDay;
                if (day <= calibrationEnd)
                {
                    repeatSpend += revenue[i];
                    repeatDays += newPurchaseDay ? 1 : 0;
                    lastDay = newPurchaseDay ? day : lastDay;
                }
                else
                {
                    holdoutSpend += revenue[i];
                    holdoutDays += newPurchaseDay ? 1 : 0;
                }

                previousPurchaseDay = isPurchase ? day : previousPurchaseDay;
            }

            return new CustomerDays(firstPurchase, lastDay, repeatDays, repeatSpend, holdoutDays, holdoutSpend);
        }

        private int Day(int i) => minDay + (int)((uint)keys[i] >> 1);

        private bool IsPurchase(int i) => (keys[i] & 1) == 1;
    }

    /// <summary>The summary's columns as they are gathered, one customer at a time.</summary>
    private sealed class Columns
    {
        public List<string> Ids { get; } = [];

        public List<int> Frequency { get; } = [];

        public List<double> Recency { get; } = [];

        public List<double> Age { get; } = [];

        public List<decimal> Monetary { get; } = [];

        public List<int> FrequencyHoldout { get; } = [];

        public List<decimal> MonetaryHoldout { get; } = [];

        public void Add(string id, CustomerDays c, Window window)
        {
            Ids.Add(id);
            Frequency.Add(c.RepeatDays);
            Recency.Add((c.LastDay - c.FirstPurchase) / window.UnitDays);
            Age.Add((window.CalibrationEnd - c.FirstPurchase) / window.UnitDays);
            Monetary.Add(c.RepeatDays == 0 ? 0m : Money.ToDecimal(c.RepeatSpend) / c.RepeatDays);
            FrequencyHoldout.Add(c.HoldoutDays);
            MonetaryHoldout.Add(c.HoldoutDays == 0 ? 0m : Money.ToDecimal(c.HoldoutSpend) / c.HoldoutDays);
        }
    }
}
