using System.Text.RegularExpressions;
using System.Xml.Linq;
using CustomerAnalytics.Reporting.Charts;
using CustomerAnalytics.Reporting.Internal;

namespace CustomerAnalytics.Reporting.Tests.Charts;

public sealed class SvgChartTests
{
    private static readonly DashboardOptions Options = DashboardOptions.Default with { ChartWidth = 400, ChartHeight = 200 };

    [Fact]
    public void HorizontalBars_ThreeBars_OneRectPerBarPlusTheLegendSwatchInOneColour()
    {
        var svg = Render(new DashboardChart(DashboardChartKind.HorizontalBars, ["A", "B", "C"], [300m, 200m, 100m], "Revenue"));

        Assert.StartsWith("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 132\" width=\"400\" height=\"132\" role=\"img\" aria-labelledby=\"t-1\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"t-1\">Title</title>", svg, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(svg, "<rect "));
        Assert.Equal(4, Regex.Count(svg, "fill=\"#2563EB\""));
        // The legend names the series; the first bar (at the top) reaches the axis end at 300.
        Assert.Contains("<rect x=\"48\" y=\"6\" width=\"12\" height=\"12\" fill=\"#2563EB\"/><text x=\"65\" y=\"16.5\" fill=\"#111827\">Revenue</text>", svg, StringComparison.Ordinal);
        Assert.Contains("<rect x=\"48\" y=\"34\" width=\"300\" height=\"18\" fill=\"#2563EB\"/><text x=\"42\" y=\"47\" text-anchor=\"end\" fill=\"#111827\">A</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">300</text>", svg, StringComparison.Ordinal);
        _ = XElement.Parse(svg);
    }

    [Fact]
    public void HorizontalBars_PastMaxChartBars_FoldsTheRestIntoOneGreyOtherBarWithALegendEntry()
    {
        var chart = new DashboardChart(DashboardChartKind.HorizontalBars, ["A", "B", "C", "D", "E"], [50m, 20m, 10m, 5m, 1m], "Revenue");

        var data = ChartData.Of(chart, Options with { MaxChartBars = 3 });
        var svg = Render(chart, Options with { MaxChartBars = 3 });

        Assert.Equal(["A", "B", "Other (3)"], data.Labels);
        Assert.Equal([50d, 20d, 16d], data.Values);
        Assert.Equal(2, Regex.Count(svg, "fill=\"#9ca3af\""));
        Assert.Contains(">Other: the 3 smaller groups together</text>", svg, StringComparison.Ordinal);
        Assert.Equal(3 + 2, Regex.Count(svg, "<rect "));
    }

    [Fact]
    public void VerticalBars_PartialLastPeriod_DrawnPaleAndDashedWithALegendEntry()
    {
        var chart = new DashboardChart(DashboardChartKind.VerticalBars, ["2024-01", "2024-02", "2024-03"], [1000m, 1200m, 300m], "Revenue (£)") { Partial = [false, false, true] };

        var svg = Render(chart);

        Assert.Equal(3 + 2, Regex.Count(svg, "<rect "));
        Assert.Equal(2, Regex.Count(svg, "stroke-dasharray=\"4 2\""));
        Assert.Contains(">Partial period (not fully covered by the data)</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Revenue (£)</text>", svg, StringComparison.Ordinal);
        // Compact axis numbers: 0, 250, … 1.25K.
        Assert.Contains(">1.25K</text>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">1250</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void VerticalBars_OnePeriod_ColumnAtMost48PixelsWide()
    {
        var svg = Render(new DashboardChart(DashboardChartKind.VerticalBars, ["2024-03"], [1474.92m], "Revenue"));

        Assert.Matches("<rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"48\" height=\"[0-9.]+\" fill=\"#2563EB\"/>", svg);
    }

    [Fact]
    public void Line_OnePolylineAndOneMarkerPerPeriod_PartialMarkerHollow()
    {
        var chart = new DashboardChart(DashboardChartKind.Line, ["a", "b", "c", "d"], [1m, 2m, 3m, 1m], "Units") { Partial = [true, false, false, false] };

        var svg = Render(chart);

        Assert.Equal(1, Regex.Count(svg, "<polyline "));
        Assert.Equal(4, Regex.Count(svg, "<circle "));
        Assert.Equal(1, Regex.Count(svg, "<circle [^>]*fill=\"#ffffff\""));
    }

    [Fact]
    public void Labels_AreEscapedAndControlCharactersReplaced()
    {
        var svg = Render(new DashboardChart(DashboardChartKind.HorizontalBars, ["</svg><script>x()</script>", "a&b \"q\" 'r'\u0001"], [2m, 1m], "<Revenue>"), title: "T <i>");

        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.Contains(">&lt;/svg&gt;&lt;script&gt;x()&lt;/script&gt;</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">a&amp;b &quot;q&quot; &#39;r&#39;\uFFFD</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">&lt;Revenue&gt;</text>", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"t-1\">T &lt;i&gt;</title>", svg, StringComparison.Ordinal);
        _ = XElement.Parse(svg);
    }

    [Fact]
    public void HeatMap_OneRectPerValuePlusTheTenStepScale_PercentagesOnCells()
    {
        var map = new DashboardHeatMap(["2024-01", "2024-02"], ["M0", "M1"], [[1.0, 0.25], [1.0, null]], "Retention");

        var svg = HeatMapChart.Draw(map, "h", "Cohorts", Options, Format.Invariant);

        Assert.Equal(3 + 10, Regex.Count(svg, "<rect "));
        Assert.Equal(2, Regex.Count(svg, ">100.0%</text>"));
        Assert.Contains("fill=\"#bfdbfe\"/><text x=\"", svg, StringComparison.Ordinal);
        Assert.Contains(">25.0%</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Retention:  0%</text>", svg, StringComparison.Ordinal);
        _ = XElement.Parse(svg);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(950, "950")]
    [InlineData(1000, "1K")]
    [InlineData(1200, "1.2K")]
    [InlineData(1_250_000, "1.25M")]
    [InlineData(8_300_065.81, "8.3M")]
    [InlineData(3e9, "3B")]
    [InlineData(0.5, "0.5")]
    [InlineData(-40_000, "-40K")]
    public void Compact_AxisNumbers(double value, string expected) => Assert.Equal(expected, Format.Invariant.Compact(value));

    [Theory]
    [InlineData(new double[] { 300, 200, 100 }, 0, 300, 100)]
    [InlineData(new double[] { 1_200_000 }, 0, 1_250_000, 250_000)]
    [InlineData(new double[] { -30, 70 }, -40, 80, 20)]
    [InlineData(new double[] { 0 }, 0, 1, 1)]
    [InlineData(new double[] { 0.5 }, 0, 0.5, 0.1)]
    [InlineData(new double[] { 2, 1, 1 }, 0, 2, 1)]
    public void AxisScale_RoundStepsFromZero(double[] values, double low, double high, double step)
    {
        var scale = AxisScale.Covering(values);

        Assert.Equal((low, high, step), (scale.Low, scale.High, scale.Step));
    }

    private static string Render(DashboardChart chart, DashboardOptions? options = null, string title = "Title") =>
        SvgChart.Render(chart, "t", title, options ?? Options, Format.Invariant);
}
