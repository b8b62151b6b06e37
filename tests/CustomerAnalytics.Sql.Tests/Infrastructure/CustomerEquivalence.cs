using System.Data.Common;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Lifetime;

namespace CustomerAnalytics.Sql.Tests.Infrastructure;

/// <summary>Every pushed-down customer KPI (time series, purchases, cohorts) against <see cref="CustomerKpiCalculator"/> on the same data.</summary>
internal static class CustomerEquivalence
{
    /// <summary>UTC, a zone with daylight saving time, and one with a half-hour offset whose history changed (before 1945).</summary>
    public static readonly TimeZoneInfo[] Zones =
    [
        TimeZoneInfo.Utc,
        TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"),
    ];

    public static async Task AssertAllAsync(DbConnection connection, SqlSource source, SqlDialect dialect, EnrichedDataset dataset)
    {
        var kpis = await SqlKpis.BindAsync(connection, source, dialect);
        Assert.Equal(CustomerKpiCalculator.Purchases(dataset), await kpis.Purchases().ExecuteAsync(connection));
        foreach (var zone in Zones)
        {
            foreach (var period in Enum.GetValues<KpiPeriod>())
            {
                var options = new TimeSeriesOptions { Period = period, TimeZone = zone };
                Equivalence.SameList(CustomerKpiCalculator.ByPeriod(dataset, options), await kpis.ByPeriod(options).ExecuteAsync(connection));
            }

            Equivalence.SameList(CustomerKpiCalculator.Cohorts(dataset, zone), await kpis.Cohorts(zone).ExecuteAsync(connection));
            var rfm = new RfmOptions { TimeZone = zone };
            Assert.NotEmpty(RfmCalculator.Compute(dataset, rfm).Customers);
            SameRfm(RfmCalculator.Compute(dataset, rfm), await kpis.Rfm(rfm).ExecuteAsync(connection));
            var asOf = rfm with { AnalysisDate = new DateOnly(2024, 6, 30) };
            SameRfm(RfmCalculator.Compute(dataset, asOf), await kpis.Rfm(asOf).ExecuteAsync(connection));
            foreach (var btyd in new[]
            {
                new BtydSummaryOptions { TimeZone = zone },
                new BtydSummaryOptions { TimeZone = zone, TimeUnit = LifetimeTimeUnit.Days, CalibrationEnd = new DateOnly(2024, 3, 4), ObservationEnd = new DateOnly(2024, 9, 30) },
            })
            {
                SameSummary(Lifetime.BtydSummary.Create(dataset, btyd), await kpis.BtydSummary(btyd).ExecuteAsync(connection));
            }
        }
    }

    /// <summary>The same analysis date, customers (in order) and segment summary.</summary>
    public static void SameRfm(RfmResult expected, RfmResult actual)
    {
        Assert.Equal(expected.AnalysisDate, actual.AnalysisDate);
        Assert.Equal(expected.Customers.ToArray(), actual.Customers.ToArray());
        Assert.Equal(expected.Segments.ToArray(), actual.Segments.ToArray());
    }

    /// <summary>The same rows in the same order, and the same window and counts.</summary>
    public static void SameSummary(Lifetime.BtydSummary expected, Lifetime.BtydSummary actual)
    {
        Assert.NotEqual(0, expected.Count);
        Assert.Equal(Enumerable.Range(0, expected.Count).Select(i => expected[i]), Enumerable.Range(0, actual.Count).Select(i => actual[i]));
        Assert.Equal(
            (expected.CalibrationEnd, expected.ObservationEnd, expected.DurationHoldout, expected.TimeUnit, expected.CustomersFirstSeenInHoldout, expected.RepeatBuyers),
            (actual.CalibrationEnd, actual.ObservationEnd, actual.DurationHoldout, actual.TimeUnit, actual.CustomersFirstSeenInHoldout, actual.RepeatBuyers));
    }
}
