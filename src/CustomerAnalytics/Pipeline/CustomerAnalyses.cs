using System.Collections.Immutable;
using CustomerAnalytics.Kpis;

namespace CustomerAnalytics.Pipeline;

/// <summary>The customer KPIs of a run, computed together.</summary>
internal sealed record CustomerAnalyses(
    ImmutableArray<PeriodKpi> Periods,
    PurchaseKpis Purchases,
    ImmutableArray<CohortCell> Cohorts,
    RfmResult Rfm);
