namespace CustomerAnalytics.Lifetime;

/// <summary>Options of <see cref="BtydSummary.Create"/>. Immutable: derive variants with <c>with</c>.</summary>
public sealed record BtydSummaryOptions
{
    /// <summary>The default options: all data is calibration, no holdout, weeks, UTC.</summary>
    public static BtydSummaryOptions Default { get; } = new();

    /// <summary>The last day of the calibration period (inclusive, local date in <see cref="TimeZone"/>); the age T of every customer is measured to it.</summary>
    /// <value>Defaults to <see langword="null"/>: the local day of the latest order.</value>
    public DateOnly? CalibrationEnd { get; init; }

    /// <summary>The last day of the holdout period (inclusive); orders after it are ignored.</summary>
    /// <value>Defaults to <see langword="null"/>: no holdout (the holdout columns are zero).</value>
    public DateOnly? ObservationEnd { get; init; }

    /// <summary>The unit of recency, T and the holdout duration.</summary>
    /// <value>Defaults to <see cref="LifetimeTimeUnit.Weeks"/>.</value>
    public LifetimeTimeUnit TimeUnit { get; init; } = LifetimeTimeUnit.Weeks;

    /// <summary>The time zone whose calendar days are the purchase periods.</summary>
    /// <value>Defaults to <see cref="TimeZoneInfo.Utc"/>.</value>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(TimeUnit))
        {
            problems.Add($"{nameof(TimeUnit)} is not a defined unit (was {(int)TimeUnit}).");
        }

        if (TimeZone is null)
        {
            problems.Add($"{nameof(TimeZone)} is null; use TimeZoneInfo.Utc for UTC.");
        }

        if (ObservationEnd is { } end && CalibrationEnd is { } calibration && end < calibration)
        {
            problems.Add($"{nameof(ObservationEnd)} ({end:yyyy-MM-dd}) is before {nameof(CalibrationEnd)} ({calibration:yyyy-MM-dd}).");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid BtydSummaryOptions: " + string.Join(" ", problems));
        }
    }
}
