using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Kpis;

/// <summary>
/// RFM analysis: per customer recency, frequency and monetary value, quintile scores 1–5 and the named R×F segment.
/// </summary>
/// <remarks>
/// <para><b>Scores and ties.</b> For each measure the n scored customers are ranked from worst to best (recency: most
/// days first; frequency and monetary: smallest first). A customer's score is 1 + ⌊5·k ÷ n⌋, where k is the number of
/// customers with a strictly worse value. Equal values therefore always share a score (the lowest bin their block
/// reaches), the result does not depend on row order or ids, and heavily tied measures (most customers buy once) leave
/// some scores unused rather than splitting equal customers arbitrarily.</para>
/// <para>Orders are the dataset's orders (<see cref="CustomerKpiCalculator"/> explains purchases and returns). Customers
/// with no purchase on or before the analysis date are not scored.</para>
/// </remarks>
public static class RfmCalculator
{
    /// <summary>Computes RFM values, scores and segments for every customer with a purchase.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="options">The analysis date and time zone; <see cref="RfmOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The customers and the segment summary.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static RfmResult Compute(EnrichedDataset dataset, RfmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= RfmOptions.Default;
        options.Validate();
        var facts = dataset.OrderFacts;
        var days = facts.LocalDays(options.TimeZone);
        var analysisDay = AnalysisDay(days, options);
        var totals = CustomerTotals.Sum(dataset.CustomerTable.Length, facts, days, analysisDay);
        var ids = totals.Scored(dataset);
        var recency = ids.Select(c => (long)(analysisDay - totals.LastDay[c])).ToArray();

        // Scores rank worst first: for recency larger is worse, so rank its negation.
        var r = Scores(recency.Select(v => -v).ToArray());
        var f = Scores(ids.Select(c => (long)totals.Frequency[c]).ToArray());
        var m = Scores(ids.Select(c => totals.Monetary[c]).ToArray());

        var customers = new CustomerRfm[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var c = ids[i];
            customers[i] = new CustomerRfm(dataset.CustomerTable[c].Id, DateOnly.FromDayNumber(totals.LastDay[c]), (int)recency[i], totals.Frequency[c], Money.ToDecimal(totals.Monetary[c]), r[i], f[i], m[i], Segment(r[i], f[i]));
        }

        var segments = Summarise(customers, ids, totals.Monetary);
        Array.Sort(customers, (a, b) => string.CompareOrdinal(a.CustomerId, b.CustomerId));
        return new RfmResult(DateOnly.FromDayNumber(analysisDay), [.. customers], segments);
    }

    /// <summary>The analysis date's day: the options' date, else the day after the last order.</summary>
    private static int AnalysisDay(int[] days, RfmOptions options)
    {
        if (options.AnalysisDate is { } date)
        {
            return date.DayNumber;
        }

        var analysisDay = DateOnly.MinValue.DayNumber;
        foreach (var day in days)
        {
            analysisDay = Math.Max(analysisDay, day + 1);
        }

        return analysisDay;
    }

    /// <summary>Customers and revenue per segment, in <see cref="RfmSegment"/> order; <paramref name="customers"/>[i] is customer <paramref name="ids"/>[i].</summary>
    internal static ImmutableArray<RfmSegmentSummary> Summarise(CustomerRfm[] customers, int[] ids, long[] monetary)
    {
        var segmentCustomers = new int[10];
        var segmentRevenue = new Int128[10];
        Int128 totalRevenue = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var segment = (int)customers[i].Segment;
            segmentCustomers[segment]++;
            segmentRevenue[segment] += monetary[ids[i]];
            totalRevenue += monetary[ids[i]];
        }

        var segments = ImmutableArray.CreateBuilder<RfmSegmentSummary>(10);
        for (var s = 0; s < 10; s++)
        {
            segments.Add(new RfmSegmentSummary(
                (RfmSegment)s,
                segmentCustomers[s],
                ids.Length == 0 ? 0 : (double)segmentCustomers[s] / ids.Length,
                Money.ToDecimal(segmentRevenue[s]),
                totalRevenue == 0 ? 0 : (double)segmentRevenue[s] / (double)totalRevenue));
        }

        return segments.MoveToImmutable();
    }

    /// <summary>The named segment of an (R, F) pair of scores 1–5; see <see cref="RfmSegment"/>.</summary>
    /// <param name="recencyScore">R, 1–5.</param>
    /// <param name="frequencyScore">F, 1–5.</param>
    /// <returns>The segment.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 1–5.</exception>
    public static RfmSegment Segment(int recencyScore, int frequencyScore)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recencyScore, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recencyScore, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(frequencyScore, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequencyScore, 5);
        return (recencyScore, frequencyScore) switch
        {
            ( <= 2, <= 2) => RfmSegment.Hibernating,
            ( <= 2, <= 4) => RfmSegment.AtRisk,
            ( <= 2, _) => RfmSegment.CantLose,
            (3, <= 2) => RfmSegment.AboutToSleep,
            (3, 3) => RfmSegment.NeedAttention,
            (4, 1) => RfmSegment.Promising,
            (5, 1) => RfmSegment.New,
            (_, <= 3) => RfmSegment.PotentialLoyalists,
            (5, _) => RfmSegment.Champions,
            _ => RfmSegment.Loyal,
        };
    }

    /// <summary>Quintile scores: 1 + ⌊5·k ÷ n⌋ with k the number of strictly smaller values (larger is better).</summary>
    internal static int[] Scores(long[] values)
    {
        var n = values.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = (long[])values.Clone();
        Array.Sort(keys, order);
        var scores = new int[n];
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            if (i > 0 && keys[i] != keys[i - 1])
            {
                k = i;
            }

            scores[order[i]] = 1 + (int)(5L * k / n);
        }

        return scores;
    }

    /// <summary>Per customer, over the orders up to the analysis day: last purchase day, purchases and net revenue.</summary>
    private sealed record CustomerTotals(int[] LastDay, int[] Frequency, long[] Monetary)
    {
        public static CustomerTotals Sum(int customerCount, OrderFacts facts, int[] days, int analysisDay)
        {
            var totals = new CustomerTotals(new int[customerCount], new int[customerCount], new long[customerCount]);
            Array.Fill(totals.LastDay, int.MinValue);
            for (var o = 0; o < facts.Count; o++)
            {
                if (days[o] > analysisDay)
                {
                    continue;
                }

                var c = facts.Customer[o];
                totals.Monetary[c] += facts.RevenueUnits[o];
                if (facts.IsPurchase(o))
                {
                    totals.Frequency[c]++;
                    totals.LastDay[c] = Math.Max(totals.LastDay[c], days[o]);
                }
            }

            return totals;
        }

        /// <summary>The customers scored: those with a purchase, the guest left out; in index order.</summary>
        public int[] Scored(EnrichedDataset dataset)
        {
            var scored = new List<int>();
            for (var c = 0; c < Frequency.Length; c++)
            {
                if (Frequency[c] > 0 && !dataset.IsGuest(c))
                {
                    scored.Add(c);
                }
            }

            return [.. scored];
        }
    }
}
