using CustomerAnalytics.Reporting.Internal;

namespace CustomerAnalytics.Reporting.Charts;

/// <summary>Bar charts: horizontal bars for rankings (one row per label, value at the bar's end), vertical columns for time series.</summary>
internal static class BarChart
{
    private const double Band = 26;
    private const double AxisHeight = 24;
    private const double MaxColumnWidth = 48;

    /// <summary>Horizontal bars, the first label at the top; the height grows with the number of bars.</summary>
    public static string Horizontal(ChartData data, string idPrefix, string title, string series, DashboardOptions options, Format format)
    {
        double width = options.ChartWidth;
        var labelWidth = Math.Clamp(data.Labels.Max(l => Svg.TextWidth(l)) + 10, 40, width * 0.38);
        var left = labelWidth + 8;
        var right = width - 52;
        var top = Legend.Height + 4;
        var height = top + (data.Labels.Length * Band) + AxisHeight;
        var scale = AxisScale.Covering(data.Values);
        var svg = new Svg(idPrefix, title, width, height);
        Legend.Draw(svg, left, data, series, OtherText(data));
        foreach (var tick in scale.Ticks)
        {
            var x = scale.Map(tick, left, right);
            svg.Line(x, top, x, height - AxisHeight, ChartColors.Grid);
            svg.Text(x, height - 8, format.Compact(tick), "middle", ChartColors.Muted);
        }

        var zero = scale.Map(0, left, right);
        for (var i = 0; i < data.Labels.Length; i++)
        {
            var y = top + (i * Band);
            var end = scale.Map(data.Values[i], left, right);
            var fill = data.FillOf(i);
            svg.Rect(Math.Min(zero, end), y + 4, Math.Abs(end - zero), Band - 8, fill, data.Partial[i] ? Legend.PartialAttributes(fill) : null);
            svg.Text(left - 6, y + 17, data.Labels[i], "end");
            svg.Text(Math.Max(zero, end) + 4, y + 17, format.Compact(data.Values[i]), fill: ChartColors.Muted);
        }

        svg.Line(zero, top, zero, height - AxisHeight, ChartColors.Muted);
        return svg.ToString();
    }

    /// <summary>Vertical columns, left to right, at most 48 px wide (one month is not a wall); labels are thinned so that they do not overlap.</summary>
    public static string Vertical(ChartData data, string idPrefix, string title, string series, DashboardOptions options, Format format)
    {
        var frame = TimeFrame.Draw(data, idPrefix, title, series, options, format, out var svg);
        var barWidth = Math.Min(frame.Band * 0.7, MaxColumnWidth);
        for (var i = 0; i < data.Labels.Length; i++)
        {
            var end = frame.Y(data.Values[i]);
            var fill = data.FillOf(i);
            svg.Rect(frame.X(i) - (barWidth / 2), Math.Min(frame.Zero, end), barWidth, Math.Abs(frame.Zero - end), fill, data.Partial[i] ? Legend.PartialAttributes(fill) : null);
        }

        svg.Line(frame.Left, frame.Zero, frame.Right, frame.Zero, ChartColors.Muted);
        return svg.ToString();
    }

    /// <summary>The legend text of the <c>Other</c> bucket.</summary>
    internal static string OtherText(ChartData data) => $"Other: the {data.OtherGroups} smaller groups together";
}
