using CustomerAnalytics.Reporting.Internal;

namespace CustomerAnalytics.Reporting.Charts;

/// <summary>Draws a <see cref="DashboardChart"/> as an inline SVG element: managed code, no native assets, no fonts.</summary>
internal static class SvgChart
{
    /// <summary>
    /// The chart as an <c>&lt;svg class="chart"&gt;</c> element with a <c>viewBox</c> (it scales with the page), an accessible
    /// title whose id is <c>{idPrefix}-1</c>, and a legend; the same input gives the same text.
    /// </summary>
    public static string Render(DashboardChart chart, string idPrefix, string title, DashboardOptions options, Format format)
    {
        var data = ChartData.Of(chart, options);
        var series = chart.SeriesName ?? chart.ValueAxisLabel ?? string.Empty;
        return chart.Kind switch
        {
            DashboardChartKind.VerticalBars => BarChart.Vertical(data, idPrefix, title, series, options, format),
            DashboardChartKind.Line => LineChart.Draw(data, idPrefix, title, series, options, format),
            _ => BarChart.Horizontal(data, idPrefix, title, series, options, format),
        };
    }
}
