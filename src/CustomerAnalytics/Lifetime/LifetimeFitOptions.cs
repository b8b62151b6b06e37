namespace CustomerAnalytics.Lifetime;

/// <summary>
/// Options of the maximum-likelihood fits of <see cref="BgNbdModel"/> and <see cref="GammaGammaModel"/>.
/// Immutable: derive variants with <c>with</c>.
/// </summary>
/// <remarks>
/// Both fits minimise the negative log-likelihood with MathNet.Numerics' Nelder–Mead simplex over the logarithms of
/// the parameters ((r, α, a, b) or (p, q, γ)), which keeps every parameter positive, starting with every parameter at 1
/// and an initial simplex step of 0.5 in each log-parameter. They stop when the simplex's function values agree to
/// <see cref="Tolerance"/> (relative spread).
/// </remarks>
public sealed record LifetimeFitOptions
{
    /// <summary>The default options.</summary>
    public static LifetimeFitOptions Default { get; } = new();

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
            throw new ArgumentException("Invalid LifetimeFitOptions: " + string.Join(" ", problems));
        }
    }
}
