namespace CustomerAnalytics.Lifetime;

/// <summary>Options of <see cref="ClvCalculator.Compute"/>: the horizon and discounting, with explicit time units. Immutable: derive variants with <c>with</c>.</summary>
public sealed record ClvOptions
{
    /// <summary>The default options: 12 periods of 30 days, 1% discount per period (about 12.7% a year).</summary>
    public static ClvOptions Default { get; } = new();

    /// <summary>The number of periods of the horizon.</summary>
    /// <value>Defaults to 12.</value>
    public int Periods { get; init; } = 12;

    /// <summary>The length of one period in days (converted to the model's unit: 30 days are 30/7 weeks).</summary>
    /// <value>Defaults to 30.</value>
    public double PeriodDays { get; init; } = 30;

    /// <summary>The discount rate per period: the value of period k is divided by (1 + rate)^k.</summary>
    /// <value>Defaults to 0.01.</value>
    public double DiscountRate { get; init; } = 0.01;

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (Periods < 1)
        {
            problems.Add(FormattableString.Invariant($"{nameof(Periods)} must be at least 1 (was {Periods})."));
        }

        if (!(PeriodDays > 0 && double.IsFinite(PeriodDays)))
        {
            problems.Add(FormattableString.Invariant($"{nameof(PeriodDays)} must be a positive number of days (was {PeriodDays})."));
        }

        if (!(DiscountRate > -1 && double.IsFinite(DiscountRate)))
        {
            problems.Add(FormattableString.Invariant($"{nameof(DiscountRate)} must be above −1 (was {DiscountRate}); use 0 for no discounting."));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid ClvOptions: " + string.Join(" ", problems));
        }
    }
}
