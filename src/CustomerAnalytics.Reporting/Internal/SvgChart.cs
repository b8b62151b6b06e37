using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>Renders a <see cref="DashboardChart"/> to an SVG element for inline use in HTML, with ScottPlot.</summary>
internal static partial class SvgChart
{
    private static readonly Color[] Palette =
    [
        Color.FromHex("#2563EB"), Color.FromHex("#0D9488"), Color.FromHex("#D97706"), Color.FromHex("#7C3AED"),
        Color.FromHex("#DB2777"), Color.FromHex("#059669"), Color.FromHex("#DC2626"), Color.FromHex("#4B5563"),
    ];

    /// <summary>
    /// The chart as an <c>&lt;svg&gt;</c> element: no XML declaration, a <c>viewBox</c> so it scales, an accessible
    /// label, and element ids prefixed with <paramref name="idPrefix"/> and numbered in document order (ScottPlot's own
    /// ids come from a process-wide counter: they would collide between charts and differ between runs).
    /// </summary>
    public static string Render(DashboardChart chart, string idPrefix, string title, DashboardOptions options)
    {
        var count = chart.Labels.Length;
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var bars = new Bar[count];
        var horizontal = chart.Kind == DashboardChartKind.HorizontalBars;
        for (var i = 0; i < count; i++)
        {
            bars[i] = new Bar
            {
                Position = horizontal ? count - 1 - i : i,
                Value = (double)chart.Values[i],
                FillColor = horizontal ? Palette[i % Palette.Length] : Palette[0],
                LineWidth = 0,
                Size = 0.7,
            };
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = horizontal;

        var positions = new double[count];
        var labels = new string[count];
        var every = horizontal ? 1 : Math.Max(1, (int)Math.Ceiling(count / 12.0));
        for (var i = 0; i < count; i++)
        {
            positions[i] = horizontal ? count - 1 - i : i;
            labels[i] = i % every == 0 ? Shorten(Html.WithoutControlCharacters(chart.Labels[i]), options.MaxChartLabelLength) : string.Empty;
        }

        var valueAxisTitle = Html.WithoutControlCharacters(chart.ValueAxisLabel);
        if (horizontal)
        {
            plot.Axes.Left.SetTicks(positions, labels);
            plot.Axes.Left.MajorTickStyle.Length = 0;
            plot.Axes.Bottom.Label.Text = valueAxisTitle;
            plot.Axes.Margins(left: 0, right: 0.05, bottom: 0.02, top: 0.02);
            plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        }
        else
        {
            plot.Axes.Bottom.SetTicks(positions, labels);
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            plot.Axes.Left.Label.Text = valueAxisTitle;
            plot.Axes.Margins(left: 0.02, right: 0.02, bottom: 0, top: 0.05);
            plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        }

        var height = horizontal ? Math.Max(options.ChartHeight / 2, Math.Min(options.ChartHeight * 3, 60 + (28 * count))) : options.ChartHeight;
        var svg = plot.GetSvgXml(options.ChartWidth, height);
        return Inline(svg, idPrefix, title, options.ChartWidth, height);
    }

    /// <summary>Makes ScottPlot's SVG document an inline element: see <see cref="Render"/>.</summary>
    internal static string Inline(string svg, string idPrefix, string title, int width, int height)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("The chart renderer returned no <svg> element.");
        }

        svg = svg[start..].TrimEnd();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in IdAttribute().Matches(svg))
        {
            var id = match.Groups[1].Value;
            if (!ids.ContainsKey(id))
            {
                ids.Add(id, string.Create(CultureInfo.InvariantCulture, $"{idPrefix}-{ids.Count + 1}"));
            }
        }

        svg = IdReference().Replace(svg, m => ids.TryGetValue(m.Groups[2].Value, out var renamed)
            ? m.Groups[1].Value + renamed + m.Groups[3].Value
            : m.Value);

        var attributes = string.Create(
            CultureInfo.InvariantCulture,
            $" class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html.Escape(title)}\"");
        return "<svg" + attributes + svg[4..];
    }

    private static string Shorten(string label, int maxLength) =>
        label.Length <= maxLength ? label : string.Concat(label.AsSpan(0, maxLength - 1), "…");

    [GeneratedRegex("\\sid=\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex IdAttribute();

    [GeneratedRegex("(\\sid=\"|url\\(#|href=\"#)([^\")]+)([\")])", RegexOptions.CultureInvariant)]
    private static partial Regex IdReference();
}
