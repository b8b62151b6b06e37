using CustomerAnalytics.Reporting.Internal;

namespace CustomerAnalytics.Reporting.Charts;

/// <summary>A heat map: one row per label, one cell per column, shaded in ten steps by its share (0–1) and labelled with it.</summary>
internal static class HeatMapChart
{
    private const double RowHeight = 22;

    /// <summary>The heat map as an SVG element, with a legend of the ten steps: <see cref="DashboardOptions.ChartWidth"/> wide,
    /// or wider so that every cell can show its percentage.</summary>
    public static string Draw(DashboardHeatMap map, string idPrefix, string title, DashboardOptions options, Format format)
    {
        var rows = map.RowLabels.Length;
        var columns = map.ColumnLabels.Length;
        var left = Math.Clamp(map.RowLabels.Max(l => Svg.TextWidth(l ?? string.Empty)) + 10, 40, options.ChartWidth * 0.3);
        var width = Math.Max(options.ChartWidth, left + 4 + (columns * 84));
        var cell = (width - left - 4) / Math.Max(1, columns);
        var top = Legend.Height + 22;
        var svg = new Svg(idPrefix, title, width, top + (rows * RowHeight) + 4);
        DrawScale(svg, left, map.ValueLabel);
        for (var c = 0; c < columns; c++)
        {
            svg.Text(left + ((c + 0.5) * cell), top - 6, map.ColumnLabels[c] ?? string.Empty, "middle", ChartColors.Muted);
        }

        for (var r = 0; r < rows; r++)
        {
            var y = top + (r * RowHeight);
            svg.Text(left - 6, y + 15, map.RowLabels[r] ?? string.Empty, "end");
            var values = map.Values[r];
            for (var c = 0; c < columns; c++)
            {
                if (values[c] is not { } share)
                {
                    continue;
                }

                var step = ChartColors.HeatStep(share);
                svg.Rect(left + (c * cell) + 1, y + 1, cell - 2, RowHeight - 2, ChartColors.Heat[step]);
                if (cell >= 34)
                {
                    svg.Text(left + ((c + 0.5) * cell), y + 15, format.Percent(share), "middle", ChartColors.TextOnHeat(step));
                }
            }
        }

        return svg.ToString();
    }

    private static void DrawScale(Svg svg, double x, string valueLabel)
    {
        svg.Text(x, 16.5, valueLabel + ":  0%");
        x += Svg.TextWidth(valueLabel + ":  0%") + 6;
        for (var step = 0; step < ChartColors.Heat.Length; step++)
        {
            svg.Rect(x + (step * 14), 6, 14, 12, ChartColors.Heat[step]);
        }

        svg.Text(x + (ChartColors.Heat.Length * 14) + 6, 16.5, "100%");
    }
}
