namespace CustomerAnalytics.Kpis;

/// <summary>The customers and revenue of one RFM segment.</summary>
/// <param name="Segment">The segment.</param>
/// <param name="Customers">Customers in the segment.</param>
/// <param name="CustomerShare">Customers ÷ all scored customers; 0 when none.</param>
/// <param name="Revenue">Σ monetary value of the segment's customers.</param>
/// <param name="RevenueShare">Revenue ÷ the revenue of all scored customers; 0 when that is 0.</param>
public sealed record RfmSegmentSummary(RfmSegment Segment, int Customers, double CustomerShare, decimal Revenue, double RevenueShare);
