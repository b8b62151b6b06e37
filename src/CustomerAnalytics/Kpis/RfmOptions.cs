namespace CustomerAnalytics.Kpis;

/// <summary>Options of <see cref="RfmCalculator.Compute"/>. Immutable: derive variants with <c>with</c>.</summary>
public sealed record RfmOptions
{
    /// <summary>The default options: analysis date the day after the last order, UTC.</summary>
    public static RfmOptions Default { get; } = new();

    /// <summary>
    /// The date recency is measured to (local date in <see cref="TimeZone"/>); orders after it are ignored, so RFM can
    /// be taken "as of" a past date.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: the day after the latest order of the dataset.</value>
    public DateOnly? AnalysisDate { get; init; }

    /// <summary>The time zone whose calendar days recency counts.</summary>
    /// <value>Defaults to <see cref="TimeZoneInfo.Utc"/>.</value>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        if (TimeZone is null)
        {
            throw new ArgumentException($"Invalid RfmOptions: {nameof(TimeZone)} is null; use TimeZoneInfo.Utc for UTC.");
        }
    }
}
