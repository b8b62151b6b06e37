namespace CustomerAnalytics.Evaluation;

/// <summary>
/// Metrics of the recommendation lists themselves, independent of the truth, following Microsoft Recommenders'
/// <c>python_evaluation</c>; see <c>docs/evaluation.md</c> for every formula.
/// </summary>
/// <param name="CatalogCoverage">Distinct recommended products ÷ distinct products in the training interactions.</param>
/// <param name="DistributionalCoverage">Shannon entropy (log2) of how often each product is recommended.</param>
/// <param name="Novelty">Mean over recommendation rows of −log2(buyers of the product in training ÷ training interactions).</param>
/// <param name="IntraListDiversity">Mean over lists (of two or more items) of 1 − the mean co-occurrence cosine similarity of the list's pairs.</param>
public sealed record BeyondAccuracyMetrics(double CatalogCoverage, double DistributionalCoverage, double Novelty, double IntraListDiversity);
