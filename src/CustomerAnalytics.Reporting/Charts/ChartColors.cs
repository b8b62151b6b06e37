namespace CustomerAnalytics.Reporting.Charts;

/// <summary>
/// The colours of the charts, each with a meaning shown in the legend: one colour per series, grey for the
/// <c>Other</c> bucket, a paler dashed variant for a partial period, and a ten-step blue scale for heat maps (the
/// same as the table shading classes <c>h0</c>…<c>h9</c>). Text colours keep a contrast of at least 4.5:1.
/// </summary>
internal static class ChartColors
{
    /// <summary>Text.</summary>
    public const string Ink = "#111827";

    /// <summary>Secondary text: axis numbers (7.6:1 on white).</summary>
    public const string Muted = "#4b5563";

    /// <summary>Grid lines.</summary>
    public const string Grid = "#e5e7eb";

    /// <summary>The <c>Other</c> bucket.</summary>
    public const string Other = "#9ca3af";

    /// <summary>One colour per series, in series order.</summary>
    public static readonly string[] Series = ["#2563EB", "#D97706", "#0D9488", "#7C3AED", "#DB2777"];

    /// <summary>The heat-map scale, pale to dark; from step 5 on, text on it is white.</summary>
    public static readonly string[] Heat =
        ["#eff6ff", "#dbeafe", "#bfdbfe", "#93c5fd", "#60a5fa", "#2563eb", "#1d4ed8", "#1e40af", "#1e3a8a", "#172554"];

    /// <summary>The heat step (0–9) of a share from 0 to 1.</summary>
    public static int HeatStep(double share) => (int)Math.Clamp(Math.Floor(share * 10), 0, 9);

    /// <summary>The text colour readable on heat step <paramref name="step"/>.</summary>
    public static string TextOnHeat(int step) => step >= 5 ? "#ffffff" : Ink;
}
