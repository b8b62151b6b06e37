namespace CustomerAnalytics.Kpis;

/// <summary>One cell of a cohort retention table. See <see cref="CustomerKpiCalculator.Cohorts"/> and <c>docs/kpis.md</c>.</summary>
/// <param name="Cohort">The cohort's month, <c>2024-03</c>: the month of its customers' first purchase.</param>
/// <param name="CohortStart">The first day of the cohort's month.</param>
/// <param name="CohortSize">Customers whose first purchase falls in the cohort's month.</param>
/// <param name="MonthsSinceAcquisition">Calendar months from the cohort's month (0 = the month of acquisition).</param>
/// <param name="ActiveCustomers">The cohort's customers with a purchase in that month.</param>
/// <param name="RetentionRate">Active customers ÷ cohort size (1 at month 0).</param>
/// <param name="Revenue">Σ revenue of the cohort's orders in that month, returns included (they subtract).</param>
public sealed record CohortCell(
    string Cohort,
    DateOnly CohortStart,
    int CohortSize,
    int MonthsSinceAcquisition,
    int ActiveCustomers,
    double RetentionRate,
    decimal Revenue);
