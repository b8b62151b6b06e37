using System.Data.Common;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;

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
        }
    }
}
