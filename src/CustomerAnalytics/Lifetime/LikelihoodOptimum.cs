namespace CustomerAnalytics.Lifetime;

/// <summary>Where <see cref="LifetimeMath.MaximiseLikelihood"/> ended: the parameters, their unpenalized log-likelihood, the iterations, and whether it converged.</summary>
internal readonly record struct LikelihoodOptimum(double[] Parameters, double LogLikelihood, int Iterations, bool Converged)
{
    /// <summary>How many times the likelihood (or the likelihood with its gradient) was evaluated.</summary>
    public int Evaluations { get; init; }
}
