namespace CustomerAnalytics.Kpis;

/// <summary>The figures of one period of a time series. See <see cref="CustomerKpiCalculator.ByPeriod"/> and <c>docs/kpis.md</c>.</summary>
/// <param name="Period">The period's label: <c>2024-03-05</c> (day), <c>2024-W09</c> (ISO week) or <c>2024-03</c> (month).</param>
/// <param name="Start">The period's first local day.</param>
/// <param name="Revenue">Σ revenue of the period's orders, returns included (they subtract).</param>
/// <param name="Orders">Purchases (orders with net units &gt; 0) in the period.</param>
/// <param name="Returns">Returns (orders with net units &lt; 0) in the period.</param>
/// <param name="Units">Σ quantity of the period's orders (returns subtract).</param>
/// <param name="ActiveCustomers">Distinct customers with a purchase in the period.</param>
/// <param name="NewCustomers">Customers whose first purchase ever falls in the period.</param>
/// <param name="ReturningCustomers">Active customers whose first purchase was in an earlier period.</param>
/// <param name="AverageOrderValue">Revenue ÷ orders, rounded to the cent; 0 when there are no orders.</param>
/// <param name="UnitsPerOrder">Units ÷ orders; 0 when there are no orders.</param>
/// <param name="RevenuePerCustomer">Revenue ÷ active customers, rounded to the cent; 0 when none.</param>
/// <param name="ReturningCustomerRate">Returning ÷ active customers; 0 when none.</param>
public sealed record PeriodKpi(
    string Period,
    DateOnly Start,
    decimal Revenue,
    int Orders,
    int Returns,
    long Units,
    int ActiveCustomers,
    int NewCustomers,
    int ReturningCustomers,
    decimal AverageOrderValue,
    double UnitsPerOrder,
    decimal RevenuePerCustomer,
    double ReturningCustomerRate);
