namespace CustomerAnalytics.Kpis;

/// <summary>The headline figures of a dataset. See <see cref="KpiCalculator.Overall"/> for the formulas.</summary>
/// <param name="Customers">Distinct customers with at least one transaction.</param>
/// <param name="Transactions">Transaction lines.</param>
/// <param name="Orders">Distinct orders.</param>
/// <param name="Units">Σ quantity (returns subtract).</param>
/// <param name="Revenue">Σ revenue (returns subtract).</param>
/// <param name="AverageOrderValue">Revenue ÷ orders, rounded to the cent (half away from zero); 0 when there are no orders.</param>
public sealed record OverallKpis(int Customers, int Transactions, int Orders, long Units, decimal Revenue, decimal AverageOrderValue);
