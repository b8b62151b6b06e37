namespace CustomerAnalytics.Evaluation;

/// <summary>One strategy's row of a <see cref="ComparisonTable"/>.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Ranking">Its ranking metrics against the truth.</param>
/// <param name="BeyondAccuracy">Its list metrics, over the lists of the customers evaluated.</param>
/// <param name="FitTime">How long fitting took.</param>
/// <param name="RecommendAllTime">How long recommending for every customer of the training dataset took.</param>
public sealed record StrategyResult(string Strategy, RankingMetrics Ranking, BeyondAccuracyMetrics BeyondAccuracy, TimeSpan FitTime, TimeSpan RecommendAllTime);
