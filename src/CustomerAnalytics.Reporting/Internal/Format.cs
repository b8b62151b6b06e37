using System.Globalization;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>Invariant number formats of the dashboard.</summary>
internal static class Format
{
    /// <summary>Money with thousands separators and two decimals: <c>1,474.92</c>.</summary>
    public static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>A count and its noun, singular for 1: <c>1 category</c>, <c>4,070 products</c>.</summary>
    public static string Quantity(long value, string singular, string? plural = null) =>
        Count(value) + " " + (value == 1 ? singular : plural ?? singular + "s");

    /// <summary>A rate as a percentage with one decimal: <c>25.0%</c>.</summary>
    public static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>An RFM segment's usual name: <c>Potential Loyalists</c>, <c>Can't Lose</c>.</summary>
    public static string RfmSegment(Kpis.RfmSegment segment) => segment switch
    {
        Kpis.RfmSegment.PotentialLoyalists => "Potential Loyalists",
        Kpis.RfmSegment.NeedAttention => "Need Attention",
        Kpis.RfmSegment.AboutToSleep => "About to Sleep",
        Kpis.RfmSegment.AtRisk => "At Risk",
        Kpis.RfmSegment.CantLose => "Can't Lose",
        _ => segment.ToString(),
    };

    /// <summary>A count with thousands separators: <c>12,345</c>.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
