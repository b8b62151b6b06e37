namespace CustomerAnalytics.Kpis;

/// <summary>The figures of one group (a segment, a category or a customer).</summary>
/// <param name="Key">The group: the segment, category or customer id.</param>
/// <param name="Revenue">Σ revenue of the group's lines.</param>
/// <param name="Units">Σ quantity of the group's lines.</param>
/// <param name="Orders">Distinct orders with at least one line in the group.</param>
/// <param name="Customers">Distinct customers with at least one line in the group.</param>
/// <param name="Transactions">Lines in the group.</param>
public sealed record GroupKpi(string Key, decimal Revenue, long Units, int Orders, int Customers, int Transactions);
