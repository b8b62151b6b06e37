namespace CustomerAnalytics.Evaluation;

/// <summary>Which truth of an <see cref="EvaluationSplit"/> a comparison scores against.</summary>
public enum TruthSet
{
    /// <summary><see cref="EvaluationSplit.Truth"/>: everything bought in the test period, repeats included.</summary>
    All = 0,

    /// <summary><see cref="EvaluationSplit.NewProductTruth"/>: only products the customer had not bought in training.</summary>
    NewProducts = 1,
}
