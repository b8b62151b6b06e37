using System.Data.Common;
using CustomerAnalytics.Lifetime;
using static CustomerAnalytics.Sql.KpiReaders;

namespace CustomerAnalytics.Sql;

/// <summary>
/// The result set of <see cref="BtydSummarySql"/> to a <see cref="BtydSummary"/>: customers first seen in the holdout
/// are counted, and recency, T and the mean spends are taken here from the exact day numbers and sums, as
/// <see cref="BtydSummary.Create"/> takes them.
/// </summary>
internal static class BtydSummaryReader
{
    public static Func<DbDataReader, CancellationToken, Task<BtydSummary>> For(BtydSummaryOptions options) => async (reader, cancellationToken) =>
    {
        var unitDays = LifetimeMath.DaysPerUnit(options.TimeUnit);
        int calibrationEnd = 0, observationEnd = 0, firstSeenInHoldout = 0;
        List<string> ids = [];
        List<int> frequency = [], frequencyHoldout = [];
        List<double> recency = [], age = [];
        List<decimal> monetary = [], monetaryHoldout = [];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            (calibrationEnd, observationEnd) = (Count(reader, 0), Count(reader, 1));
            if (reader.IsDBNull(2))
            {
                continue;
            }

            var first = Count(reader, 3);
            if (first > calibrationEnd)
            {
                firstSeenInHoldout++;
                continue;
            }

            int repeatDays = Count(reader, 4), holdoutDays = Count(reader, 7);
            ids.Add(reader.GetString(2));
            frequency.Add(repeatDays);
            recency.Add((Count(reader, 5) - first) / unitDays);
            age.Add((calibrationEnd - first) / unitDays);
            monetary.Add(repeatDays == 0 ? 0m : Money(reader, 6) / repeatDays);
            frequencyHoldout.Add(holdoutDays);
            monetaryHoldout.Add(holdoutDays == 0 ? 0m : Money(reader, 8) / holdoutDays);
        }

        return new BtydSummary(
            [.. ids],
            [.. frequency],
            [.. recency],
            [.. age],
            [.. monetary],
            [.. frequencyHoldout],
            [.. monetaryHoldout],
            (observationEnd - calibrationEnd) / unitDays,
            options.TimeUnit,
            DateOnly.FromDayNumber(calibrationEnd),
            options.ObservationEnd is null ? null : DateOnly.FromDayNumber(observationEnd),
            firstSeenInHoldout);
    };
}
