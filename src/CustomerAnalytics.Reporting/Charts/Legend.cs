namespace CustomerAnalytics.Reporting.Charts;

/// <summary>The legend row above a chart: what each colour means (the series, <c>Other</c>, a partial period).</summary>
internal static class Legend
{
    /// <summary>The height the legend row takes at the top of a chart.</summary>
    public const double Height = 26;

    /// <summary>The attributes that draw a partial period: paler fill, dashed outline in the series colour.</summary>
    public static string PartialAttributes(string colour) => $"fill-opacity=\"0.35\" stroke=\"{colour}\" stroke-dasharray=\"4 2\"";

    /// <summary>Draws the legend of <paramref name="data"/> from <paramref name="x"/>, naming the series <paramref name="series"/>.</summary>
    public static void Draw(Svg svg, double x, ChartData data, string series, string otherText)
    {
        x = Entry(svg, x, ChartColors.Series[0], null, series);
        if (data.HasOther)
        {
            x = Entry(svg, x, ChartColors.Other, null, otherText);
        }

        if (data.HasPartial)
        {
            _ = Entry(svg, x, ChartColors.Series[0], PartialAttributes(ChartColors.Series[0]), "Partial period (not fully covered by the data)");
        }
    }

    private static double Entry(Svg svg, double x, string fill, string? extra, string text)
    {
        svg.Rect(x, 6, 12, 12, fill, extra);
        svg.Text(x + 17, 16.5, text);
        return x + 17 + Svg.TextWidth(text) + 18;
    }
}
