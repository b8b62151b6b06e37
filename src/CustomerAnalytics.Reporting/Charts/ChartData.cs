using System.Globalization;
using CustomerAnalytics.Reporting.Internal;

namespace CustomerAnalytics.Reporting.Charts;

/// <summary>
/// A <see cref="DashboardChart"/> ready to draw: labels shortened, values as <see cref="double"/>, and, for horizontal
/// bars past <see cref="DashboardOptions.MaxChartBars"/>, the smallest bars folded into one <c>Other</c> bar (their sum).
/// </summary>
internal sealed record ChartData(string[] Labels, double[] Values, bool[] Partial, int OtherGroups)
{
    /// <summary>Whether the last bar is the <c>Other</c> bucket.</summary>
    public bool HasOther => OtherGroups > 0;

    /// <summary>Whether any value is a partial period.</summary>
    public bool HasPartial => Partial.Any(p => p);

    /// <summary>Prepares <paramref name="chart"/> for drawing.</summary>
    public static ChartData Of(DashboardChart chart, DashboardOptions options)
    {
        var count = chart.Labels.Length;
        var labels = chart.Labels.Select(l => Shorten(l ?? string.Empty, options.MaxChartLabelLength)).ToArray();
        var values = chart.Values.Select(v => (double)v).ToArray();
        var partial = chart.Partial.IsDefault ? new bool[count] : [.. chart.Partial];
        if (chart.Kind != DashboardChartKind.HorizontalBars || count <= options.MaxChartBars)
        {
            return new ChartData(labels, values, partial, 0);
        }

        var kept = options.MaxChartBars - 1;
        var folded = count - kept;
        return new ChartData(
            [.. labels.Take(kept), string.Create(CultureInfo.InvariantCulture, $"Other ({folded})")],
            [.. values.Take(kept), values.Skip(kept).Sum()],
            [.. partial.Take(kept), false],
            folded);
    }

    /// <summary>The fill of bar <paramref name="index"/>: the series colour, or grey for <c>Other</c>.</summary>
    public string FillOf(int index) => HasOther && index == Labels.Length - 1 ? ChartColors.Other : ChartColors.Series[0];

    private static string Shorten(string label, int maxLength)
    {
        var clean = Html.WithoutControlCharacters(label);
        return clean.Length <= maxLength ? clean : string.Concat(clean.AsSpan(0, maxLength - 1), "…");
    }
}
