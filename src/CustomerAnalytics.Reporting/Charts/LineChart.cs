using CustomerAnalytics.Reporting.Internal;

namespace CustomerAnalytics.Reporting.Charts;

/// <summary>A line through one value per period, with a marker per value; a partial period's marker is hollow.</summary>
internal static class LineChart
{
    /// <summary>The chart as an SVG element.</summary>
    public static string Draw(ChartData data, string idPrefix, string title, string series, DashboardOptions options, Format format)
    {
        var frame = TimeFrame.Draw(data, idPrefix, title, series, options, format, out var svg);
        var colour = ChartColors.Series[0];
        svg.Polyline(data.Values.Select((v, i) => (frame.X(i), frame.Y(v))), colour, "stroke-width=\"2\"");
        for (var i = 0; i < data.Values.Length; i++)
        {
            svg.Circle(frame.X(i), frame.Y(data.Values[i]), 3.5, data.Partial[i] ? "#ffffff" : colour, $"stroke=\"{colour}\"");
        }

        return svg.ToString();
    }
}
