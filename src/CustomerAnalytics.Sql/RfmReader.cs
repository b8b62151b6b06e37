using System.Data.Common;
using CustomerAnalytics.Kpis;
using static CustomerAnalytics.Sql.KpiReaders;

namespace CustomerAnalytics.Sql;

/// <summary>
/// The result set of <see cref="RfmSql"/> to <see cref="RfmResult"/>: recency, the quintile scores, the segments and
/// the segment summary are taken here by <see cref="RfmCalculator"/>'s own code from the engine's exact values.
/// </summary>
internal static class RfmReader
{
    public static async Task<RfmResult> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var analysisDay = 0;
        var ids = new List<string>();
        var lastDays = new List<int>();
        var frequencies = new List<int>();
        var monetary = new List<decimal>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            analysisDay = Count(reader, 0);
            if (reader.IsDBNull(1))
            {
                continue;
            }

            ids.Add(reader.GetString(1));
            lastDays.Add(Count(reader, 2));
            frequencies.Add(Count(reader, 3));
            monetary.Add(Money(reader, 4));
        }

        var n = ids.Count;
        var units = monetary.Select(m => decimal.ToInt64(decimal.Round(m * 10_000m))).ToArray();
        var recency = lastDays.Select(d => (long)(analysisDay - d)).ToArray();
        var r = RfmCalculator.Scores(recency.Select(v => -v).ToArray());
        var f = RfmCalculator.Scores(frequencies.Select(v => (long)v).ToArray());
        var m = RfmCalculator.Scores(units);
        var customers = new CustomerRfm[n];
        for (var i = 0; i < n; i++)
        {
            customers[i] = new CustomerRfm(ids[i], DateOnly.FromDayNumber(lastDays[i]), (int)recency[i], frequencies[i], monetary[i], r[i], f[i], m[i], RfmCalculator.Segment(r[i], f[i]));
        }

        var segments = RfmCalculator.Summarise(customers, Enumerable.Range(0, n).ToArray(), units);
        Array.Sort(customers, (a, b) => string.CompareOrdinal(a.CustomerId, b.CustomerId));
        return new RfmResult(DateOnly.FromDayNumber(analysisDay), [.. customers], segments);
    }
}
