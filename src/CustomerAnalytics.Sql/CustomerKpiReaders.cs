using System.Collections.Immutable;
using System.Data.Common;
using CustomerAnalytics.Kpis;
using static CustomerAnalytics.Sql.KpiReaders;

namespace CustomerAnalytics.Sql;

/// <summary>
/// Result sets of <see cref="CustomerKpiSql"/> to <see cref="CustomerKpiCalculator"/>'s records. The engine returns the
/// periods and cells that hold an order; the ones between them, all zero in memory too, are filled in here, and the
/// ratios are taken here from the exact sums, as the calculator takes them.
/// </summary>
internal static class CustomerKpiReaders
{
    public static Func<DbDataReader, CancellationToken, Task<ImmutableArray<PeriodKpi>>> ByPeriod(KpiPeriod period) => async (reader, cancellationToken) =>
    {
        var result = ImmutableArray.CreateBuilder<PeriodKpi>();
        var next = (int?)null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var p = Count(reader, 0);
            for (var gap = next ?? p; gap < p; gap++)
            {
                result.Add(Period(period, gap, 0m, 0, 0, 0, 0, 0, 0));
            }

            result.Add(Period(period, p, Money(reader, 1), Count(reader, 2), Count(reader, 3), Int64(reader, 4), Count(reader, 5), Count(reader, 6), Count(reader, 7)));
            next = p + 1;
        }

        return result.ToImmutable();
    };

    public static async Task<PurchaseKpis> PurchasesAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The purchases query returned no row.");
        }

        int customers = Count(reader, 0), repeat = Count(reader, 1), orders = Count(reader, 2);
        var units = Int64(reader, 4);
        var revenue = Money(reader, 5);
        return new PurchaseKpis(
            customers,
            repeat,
            orders,
            Count(reader, 3),
            units,
            revenue,
            CustomerKpiCalculator.Ratio(revenue, orders),
            orders == 0 ? 0 : (double)units / orders,
            CustomerKpiCalculator.Ratio(revenue, customers),
            customers == 0 ? 0 : (double)repeat / customers);
    }

    public static async Task<ImmutableArray<CohortCell>> CohortsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<CohortCell>();
        int cohort = int.MinValue, size = 0, next = 0, lastMonth = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var c = Count(reader, 0);
            if (c != cohort)
            {
                FillCohort(result, cohort, size, next, lastMonth);
                (cohort, size, next, lastMonth) = (c, Count(reader, 2), c, Count(reader, 5));
            }

            var m = Count(reader, 1);
            FillCohort(result, cohort, size, next, m - 1);
            var active = Count(reader, 3);
            result.Add(Cell(cohort, size, m, active, Money(reader, 4)));
            next = m + 1;
        }

        FillCohort(result, cohort, size, next, lastMonth);
        return result.ToImmutable();
    }

    /// <summary>The empty cells of a cohort from month <paramref name="from"/> to <paramref name="to"/> (month indexes, inclusive).</summary>
    private static void FillCohort(ImmutableArray<CohortCell>.Builder result, int cohort, int size, int from, int to)
    {
        for (var m = from; cohort != int.MinValue && m <= to; m++)
        {
            result.Add(Cell(cohort, size, m, 0, 0m));
        }
    }

    private static CohortCell Cell(int cohort, int size, int month, int active, decimal revenue) => new(
        LocalCalendar.Label(cohort, KpiPeriod.Month),
        LocalCalendar.PeriodStart(cohort, KpiPeriod.Month),
        size,
        month - cohort,
        active,
        (double)active / size,
        revenue + 0.00m);

    private static PeriodKpi Period(KpiPeriod period, int index, decimal revenue, int orders, int returns, long units, int active, int newCustomers, int returning) => new(
        LocalCalendar.Label(index, period),
        LocalCalendar.PeriodStart(index, period),
        revenue + 0.00m,
        orders,
        returns,
        units,
        active,
        newCustomers,
        returning,
        CustomerKpiCalculator.Ratio(revenue, orders),
        orders == 0 ? 0 : (double)units / orders,
        CustomerKpiCalculator.Ratio(revenue, active),
        active == 0 ? 0 : (double)returning / active);
}
