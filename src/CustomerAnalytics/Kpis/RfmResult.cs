using System.Collections.Immutable;

namespace CustomerAnalytics.Kpis;

/// <summary>The result of <see cref="RfmCalculator.Compute"/>.</summary>
/// <param name="AnalysisDate">The date recency was measured to.</param>
/// <param name="Customers">Every customer with a purchase on or before the analysis date, by customer id (ordinal).</param>
/// <param name="Segments">Every segment, in <see cref="RfmSegment"/> order (Champions first), empty ones included.</param>
public sealed record RfmResult(DateOnly AnalysisDate, ImmutableArray<CustomerRfm> Customers, ImmutableArray<RfmSegmentSummary> Segments);
