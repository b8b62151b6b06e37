using CustomerAnalytics.Reporting.Internal;

namespace CustomerAnalytics.Reporting.Charts;

/// <summary>The frame of a time-series chart (columns or a line): the legend, value ticks on the left, thinned period labels below.</summary>
internal sealed record TimeFrame(double Left, double Right, double Band, AxisScale Scale, double Top, double Bottom)
{
    private const double LeftMargin = 52;
    private const double BottomMargin = 26;

    /// <summary>The y of the zero line.</summary>
    public double Zero => Y(0);

    /// <summary>The centre x of period <paramref name="index"/>.</summary>
    public double X(int index) => Left + ((index + 0.5) * Band);

    /// <summary>The y of <paramref name="value"/>.</summary>
    public double Y(double value) => Scale.Map(value, Bottom, Top);

    /// <summary>Starts the chart: legend, grid, ticks and labels; the caller draws the values into <paramref name="svg"/>.</summary>
    public static TimeFrame Draw(ChartData data, string idPrefix, string title, string series, DashboardOptions options, Format format, out Svg svg)
    {
        double width = options.ChartWidth, height = options.ChartHeight;
        var frame = new TimeFrame(LeftMargin, width - 12, (width - 12 - LeftMargin) / data.Labels.Length, AxisScale.Covering(data.Values), Legend.Height + 8, height - BottomMargin);
        svg = new Svg(idPrefix, title, width, height);
        Legend.Draw(svg, frame.Left, data, series, BarChart.OtherText(data));
        foreach (var tick in frame.Scale.Ticks)
        {
            var y = frame.Y(tick);
            svg.Line(frame.Left, y, frame.Right, y, ChartColors.Grid);
            svg.Text(frame.Left - 6, y + 4, format.Compact(tick), "end", ChartColors.Muted);
        }

        var widest = data.Labels.Max(l => Svg.TextWidth(l)) + 8;
        var every = Math.Max(1, (int)Math.Ceiling(widest / frame.Band));
        for (var i = 0; i < data.Labels.Length; i += every)
        {
            svg.Text(frame.X(i), height - 8, data.Labels[i], "middle");
        }

        return frame;
    }
}
