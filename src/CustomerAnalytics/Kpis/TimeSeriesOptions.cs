namespace CustomerAnalytics.Kpis;

/// <summary>Options of <see cref="CustomerKpiCalculator.ByPeriod"/>. Immutable: derive variants with <c>with</c>.</summary>
public sealed record TimeSeriesOptions
{
    /// <summary>The default options: calendar months in UTC.</summary>
    public static TimeSeriesOptions Default { get; } = new();

    /// <summary>The length of a period.</summary>
    /// <value>Defaults to <see cref="KpiPeriod.Month"/>.</value>
    public KpiPeriod Period { get; init; } = KpiPeriod.Month;

    /// <summary>The time zone whose calendar days, weeks and months the periods are; timestamps are converted from UTC.</summary>
    /// <value>Defaults to <see cref="TimeZoneInfo.Utc"/>.</value>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Period))
        {
            problems.Add($"{nameof(Period)} is not a defined period (was {(int)Period}).");
        }

        if (TimeZone is null)
        {
            problems.Add($"{nameof(TimeZone)} is null; use TimeZoneInfo.Utc for UTC.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid TimeSeriesOptions: " + string.Join(" ", problems));
        }
    }
}
