using System.Collections.Immutable;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>
/// Nine equal bands of whole currency units from 0 (or the lowest value when negative) to the 95th percentile, and one
/// open band past it when any value lies there (so that a few very large customers do not squash the rest into one bar).
/// The page's script counts the filtered customers in the same bands (each customer's band is embedded).
/// </summary>
internal sealed class ValueBands
{
    private const int Equal = 9;
    private readonly decimal _low, _width, _edge;

    private ValueBands(decimal low, decimal width, bool open)
    {
        _low = low;
        _width = width;
        _edge = low + (Equal * width);
        Count = open ? Equal + 1 : Equal;
    }

    /// <summary>How many bands there are: 9, or 10 with the open one.</summary>
    public int Count { get; }

    /// <summary>The bands of <paramref name="values"/> (at least one).</summary>
    public static ValueBands Of(IReadOnlyCollection<decimal> values)
    {
        var sorted = values.Order().ToArray();
        var low = Math.Min(0m, Math.Floor(sorted[0]));
        var p95 = Math.Ceiling(sorted[(int)(0.95 * (sorted.Length - 1))]);
        var width = Math.Max(1m, Math.Ceiling((p95 - low) / Equal));
        return new ValueBands(low, width, sorted[^1] >= low + (Equal * width));
    }

    /// <summary>The band of <paramref name="value"/>, 0 to <see cref="Count"/> − 1.</summary>
    public int IndexOf(decimal value) => value >= _edge ? Equal : (int)Math.Floor((value - _low) / _width);

    /// <summary>The bands' labels, compact (<c>0–250</c>, …, <c>≥2.25K</c>).</summary>
    public ImmutableArray<string> Labels(Format format)
    {
        var labels = Enumerable.Range(0, Equal).Select(i => format.Compact((double)(_low + (i * _width))) + "–" + format.Compact((double)(_low + ((i + 1) * _width))));
        return Count > Equal ? [.. labels, "≥" + format.Compact((double)_edge)] : [.. labels];
    }

    /// <summary>Customers per band.</summary>
    public ImmutableArray<decimal> Counts(IEnumerable<decimal> values)
    {
        var counts = new decimal[Count];
        foreach (var value in values)
        {
            counts[IndexOf(value)]++;
        }

        return [.. counts];
    }
}
