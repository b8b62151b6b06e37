namespace CustomerAnalytics.Reporting.Charts;

/// <summary>
/// A value axis from zero (or the lowest negative value) to a round number past the highest value, with ticks at round
/// steps (1, 2, 2.5 or 5 × 10ⁿ), about five of them; at least 1 apart when every value is a whole number.
/// </summary>
internal sealed class AxisScale
{
    private AxisScale(double low, double high, double step)
    {
        Low = low;
        High = high;
        Step = step;
    }

    /// <summary>The axis start.</summary>
    public double Low { get; }

    /// <summary>The axis end.</summary>
    public double High { get; }

    /// <summary>The distance between ticks.</summary>
    public double Step { get; }

    /// <summary>The tick values, <see cref="Low"/> to <see cref="High"/>.</summary>
    public IEnumerable<double> Ticks
    {
        get
        {
            var count = (int)Math.Round((High - Low) / Step);
            return Enumerable.Range(0, count + 1).Select(i => Low + (i * Step));
        }
    }

    /// <summary>The scale covering <paramref name="values"/> and zero.</summary>
    public static AxisScale Covering(IEnumerable<double> values)
    {
        double min = 0, max = 0;
        var whole = true;
        foreach (var value in values)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
            whole &= value == Math.Floor(value);
        }

        if (max - min <= 0)
        {
            return new AxisScale(0, 1, whole ? 1 : 0.25);
        }

        // Counts (whole values) never get ticks between whole numbers.
        var step = whole ? Math.Max(1, NiceStep((max - min) / 5)) : NiceStep((max - min) / 5);
        return new AxisScale(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    /// <summary>Where <paramref name="value"/> falls on a line from <paramref name="start"/> (at <see cref="Low"/>) to <paramref name="end"/>.</summary>
    public double Map(double value, double start, double end) => start + ((value - Low) / (High - Low) * (end - start));

    private static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        var nice = fraction switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 2.5 => 2.5,
            <= 5 => 5,
            _ => 10,
        };
        return nice * power;
    }
}
