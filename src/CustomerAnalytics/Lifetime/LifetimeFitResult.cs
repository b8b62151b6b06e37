using System.Diagnostics.CodeAnalysis;

namespace CustomerAnalytics.Lifetime;

/// <summary>
/// The outcome of <see cref="BgNbdModel.TryFit"/> or <see cref="GammaGammaModel.TryFit"/>: the fitted model, or why the
/// data gave none. Immutable.
/// </summary>
/// <typeparam name="TModel">The model type.</typeparam>
public sealed record LifetimeFitResult<TModel>
    where TModel : class
{
    /// <summary>The fitted model; <see langword="null"/> when the fit failed (see <see cref="Reason"/>).</summary>
    public TModel? Model { get; init; }

    /// <summary>Whether the fit converged to a model.</summary>
    [MemberNotNullWhen(true, nameof(Model))]
    public bool Converged => Model is not null;

    /// <summary>
    /// One sentence: why there is no model (no customers or repeat buyers, no maximum: a parameter runs to 0 or ∞), or,
    /// with a model, that its optimum lies at the boundary of the parameter space (as a → 0 for buyers who never drop
    /// out); <see langword="null"/> for an ordinary fit.
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>The failure is in the data given (nothing to fit on), not in the optimiser: <c>Fit</c> throws <see cref="ArgumentException"/>.</summary>
    internal bool NothingToFit { get; init; }

    /// <summary>The model, or the exception <c>Fit</c> has always thrown for the failure.</summary>
    internal TModel ModelOrThrow(string parameterName) =>
        Model ?? throw (NothingToFit ? new ArgumentException(Reason, parameterName) : new InvalidOperationException(Reason));
}
