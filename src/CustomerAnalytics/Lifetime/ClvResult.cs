using System.Collections.Immutable;

namespace CustomerAnalytics.Lifetime;

/// <summary>The result of <see cref="ClvCalculator.Compute"/>.</summary>
/// <param name="Options">The horizon and discounting used.</param>
/// <param name="Customers">One entry per row of the summary, in its order.</param>
/// <param name="TotalClv">Σ <see cref="CustomerClv.Clv"/>.</param>
/// <param name="PopulationSpendCustomers">Customers valued at the population mean spend: no repeat purchase, or a mean repeat spend that is not positive.</param>
/// <param name="NonPositiveSpendCustomers">Repeat buyers whose mean repeat spend is not positive (returns, free goods): left out of the spend model and valued at the population mean.</param>
public sealed record ClvResult(ClvOptions Options, ImmutableArray<CustomerClv> Customers, decimal TotalClv, int PopulationSpendCustomers, int NonPositiveSpendCustomers);
