namespace CustomerAnalytics.Kpis;

/// <summary>Whole-dataset purchase figures. See <see cref="CustomerKpiCalculator.Purchases"/> and <c>docs/kpis.md</c>.</summary>
/// <param name="Customers">Customers with at least one purchase.</param>
/// <param name="RepeatCustomers">Customers with at least two purchases.</param>
/// <param name="Orders">Purchases: orders with net units &gt; 0.</param>
/// <param name="Returns">Returns: orders with net units &lt; 0.</param>
/// <param name="Units">Σ quantity of all orders (returns subtract).</param>
/// <param name="Revenue">Σ revenue of all orders (returns subtract).</param>
/// <param name="AverageOrderValue">Revenue ÷ orders, rounded to the cent (half away from zero); 0 when there are no orders.</param>
/// <param name="UnitsPerOrder">Units ÷ orders; 0 when there are no orders.</param>
/// <param name="RevenuePerCustomer">Revenue ÷ customers, rounded to the cent; 0 when there are no customers.</param>
/// <param name="RepeatPurchaseRate">Repeat customers ÷ customers; 0 when there are no customers.</param>
public sealed record PurchaseKpis(
    int Customers,
    int RepeatCustomers,
    int Orders,
    int Returns,
    long Units,
    decimal Revenue,
    decimal AverageOrderValue,
    double UnitsPerOrder,
    decimal RevenuePerCustomer,
    double RepeatPurchaseRate);
