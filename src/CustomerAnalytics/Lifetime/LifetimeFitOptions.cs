namespace CustomerAnalytics.Lifetime;

/// <summary>
/// Options of the maximum-likelihood fits of <see cref="BgNbdModel"/> and <see cref="GammaGammaModel"/>.
/// Immutable: derive variants with <c>with</c>.
/// </summary>
/// <remarks>
/// Both fits first try MathNet.Numerics' BFGS with the likelihood's analytic gradient over the logarithms of the
/// parameters (tens of likelihood passes); when it gives up (an optimum at the boundary, a failed line search) they fall
/// back to the simplex that <see cref="Tolerance"/> and <see cref="MaxIterations"/> describe (<c>docs/kpis.md</c>).
/// The simplex minimises the negative log-likelihood with MathNet.Numerics' Nelder–Mead simplex over the logarithms of
/// the parameters ((r, α, a, b) or (p, q, γ)), which keeps every parameter positive, starting with every parameter at 1
/// and an initial simplex step of 0.5 in each log-parameter. They stop when the simplex's function values agree to
/// <see cref="Tolerance"/> (relative spread). With a <see cref="Penalizer"/> they minimise the objective of the Python
/// <c>lifetimes</c> library instead: the mean negative log-likelihood plus the L2 penalty.
/// </remarks>
public sealed record LifetimeFitOptions
{
    /// <summary>The default options.</summary>
    public static LifetimeFitOptions Default { get; } = new();

    /// <summary>The convergence tolerance: the relative spread of the negative log-likelihood over the simplex.</summary>
    /// <value>Defaults to 1e-12.</value>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>The most simplex iterations; by then without convergence, <c>Fit</c> throws and <c>TryFit</c> returns the reason.</summary>
    /// <value>Defaults to 20,000.</value>
    public int MaxIterations { get; init; } = 20_000;

    /// <summary>
    /// The L2 penalizer c, as <c>lifetimes</c>' <c>penalizer_coef</c> defines it: with c &gt; 0 the fit minimises
    /// −(1/N) Σ ln Lᵢ + c · Σ θ², over the parameters θ themselves (not their logarithms), N the customers fitted on.
    /// BG/NBD's θ is (r, α ÷ max T, a, b), α in <c>lifetimes</c>' scaled time in which the oldest customer's T is 1, so
    /// the penalty does not depend on the time unit; Gamma-Gamma's is (p, q, γ), γ in the currency of the spend.
    /// </summary>
    /// <value>Defaults to 0: the plain maximum-likelihood fit. <c>lifetimes</c> suggests 0.001 to 0.1 for small samples.</value>
    public double Penalizer { get; init; }

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

        if (!(Penalizer >= 0 && double.IsFinite(Penalizer)))
        {
            problems.Add(FormattableString.Invariant($"{nameof(Penalizer)} must be a finite number ≥ 0, as 0.01 (was {Penalizer})."));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid LifetimeFitOptions: " + string.Join(" ", problems));
        }
    }
}
