namespace CustomerAnalytics.Evaluation;

/// <summary>
/// Ranking metrics at k, averaged over the customers present in both the truth and the predictions, following the
/// conventions of Microsoft Recommenders' <c>python_evaluation</c>; see <c>docs/evaluation.md</c> for every formula.
/// </summary>
/// <param name="K">The k the metrics were computed at.</param>
/// <param name="Customers">The customers counted: those present in both the truth and the predictions.</param>
/// <param name="Precision">precision@k: mean of hits ÷ k.</param>
/// <param name="Recall">recall@k: mean of hits ÷ the customer's relevant items.</param>
/// <param name="Ndcg">NDCG@k with binary relevance: mean of DCG ÷ ideal DCG.</param>
/// <param name="Map">MAP: mean of Σ (precision at each hit in the top k) ÷ the customer's relevant items.</param>
/// <param name="MapAtK">MAP@k: mean of Σ (precision at each hit in the top k) ÷ min(relevant items, k).</param>
/// <param name="HitRate">hit rate@k: the share of customers with at least one hit in the top k.</param>
/// <param name="Mrr">MRR@k: mean of 1 ÷ the rank of the first hit in the top k (0 without a hit).</param>
public sealed record RankingMetrics(int K, int Customers, double Precision, double Recall, double Ndcg, double Map, double MapAtK, double HitRate, double Mrr);
