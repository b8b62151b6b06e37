namespace CustomerAnalytics.Lifetime;

/// <summary>Options of <see cref="BgNbdModel.Fit(BtydSummary, BgNbdOptions?)"/>. Immutable: derive variants with <c>with</c>.</summary>
/// <remarks>
/// The fit maximises the log-likelihood with MathNet.Numerics' Nelder–Mead simplex over the logarithms of
/// (r, α, a, b), which keeps every parameter positive, starting at r = α = a = b = 1 with an initial simplex step of
/// 0.5 in each log-parameter. It stops when the simplex's function values agree to <see cref="Tolerance"/> (relative).
/// </remarks>
public sealed record BgNbdOptions
{
    /// <summary>The default options.</summary>
    public static BgNbdOptions Default { get; } = new();

    /// <summary>The convergence tolerance: the relative spread of the negative log-likelihood over the simplex.</summary>
    /// <value>Defaults to 1e-12.</value>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>The most simplex iterations; the fit throws when it has not converged by then.</summary>
    /// <value>Defaults to 20,000.</value>
    public int MaxIterations { get; init; } = 20_000;

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!(Tolerance > 0 && Tolerance < 1))
        {
            problems.Add(FormattableString.Invariant($"{nameof(Tolerance)} must be in (0, 1) (was {Tolerance})."));
        }

        if (MaxIterations < 1)
        {
            problems.Add(FormattableString.Invariant($"{nameof(MaxIterations)} must be at least 1 (was {MaxIterations})."));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid BgNbdOptions: " + string.Join(" ", problems));
        }
    }
}
