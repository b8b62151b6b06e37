using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerAnalytics.Artifacts;

namespace CustomerAnalytics.Evaluation;

/// <summary>
/// The result of <see cref="RecommenderComparison.Run"/>: one <see cref="StrategyResult"/> per strategy, with what it was
/// measured on. Writes itself as Markdown, CSV or JSON (schemas in <c>docs/evaluation.md</c>).
/// </summary>
public sealed record ComparisonTable
{
    /// <summary>The split's description.</summary>
    public required string Split { get; init; }

    /// <summary>The k of every metric (and the number of items asked for).</summary>
    public required int K { get; init; }

    /// <summary>Whether the strategies left out what each customer bought in training.</summary>
    public required bool ExcludePurchased { get; init; }

    /// <summary>The truth scored against.</summary>
    public required TruthSet Truth { get; init; }

    /// <summary>The number of training rows.</summary>
    public required int TrainRows { get; init; }

    /// <summary>The number of held-out rows.</summary>
    public required int TestRows { get; init; }

    /// <summary>The number of (customer, product) pairs in the truth.</summary>
    public required int TruthPairs { get; init; }

    /// <summary>One row per strategy, in the order given.</summary>
    public required ImmutableArray<StrategyResult> Results { get; init; }

    /// <summary>The table as Markdown: a line saying what was measured, then one row per strategy.</summary>
    /// <returns>The Markdown text, LF line ends.</returns>
    public string ToMarkdown()
    {
        var k = K.ToString(CultureInfo.InvariantCulture);
        var customers = Results.IsDefaultOrEmpty ? 0 : Results[0].Ranking.Customers;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Split: {Split}. k = {k}; ")
            .Append(ExcludePurchased ? "past purchases excluded" : "past purchases allowed")
            .Append("; truth: ").Append(Truth == TruthSet.NewProducts ? "products new to the customer" : "every product bought in the test period")
            .Append(CultureInfo.InvariantCulture, $"; {TrainRows} training rows, {TestRows} test rows, {TruthPairs} truth pairs, {customers} customers evaluated.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"| strategy | precision@{k} | recall@{k} | NDCG@{k} | MAP | MAP@{k} | hit rate@{k} | MRR@{k} | catalog coverage | distributional coverage | novelty | diversity | fit ms | recommend-all ms |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in Results)
        {
            var m = r.Ranking;
            var b = r.BeyondAccuracy;
            text.Append("| ").Append(r.Strategy.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |");
            foreach (var value in (double[])[m.Precision, m.Recall, m.Ndcg, m.Map, m.MapAtK, m.HitRate, m.Mrr, b.CatalogCoverage, b.DistributionalCoverage, b.Novelty, b.IntraListDiversity])
            {
                text.Append(' ').Append(value.ToString("0.0000", CultureInfo.InvariantCulture)).Append(" |");
            }

            text.Append(CultureInfo.InvariantCulture, $" {r.FitTime.TotalMilliseconds:0} | {r.RecommendAllTime.TotalMilliseconds:0} |\n");
        }

        return text.ToString();
    }

    /// <summary>Writes <see cref="ToMarkdown"/> to a writer.</summary>
    /// <param name="writer">The destination.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteMarkdown(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToMarkdown());
    }

    /// <summary>
    /// Writes the table as CSV (UTF-8 without BOM, LF, invariant, shortest round-trip numbers): one row per strategy,
    /// columns <c>strategy,k,customers,precision,recall,ndcg,map,map_at_k,hit_rate,mrr,catalog_coverage,distributional_coverage,novelty,intra_list_diversity,fit_ms,recommend_all_ms</c>.
    /// </summary>
    /// <param name="stream">The destination, left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public void WriteCsv(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var csv = ArtifactCsv.Create(stream);
        ArtifactCsv.Header(csv, "strategy", "k", "customers", "precision", "recall", "ndcg", "map", "map_at_k", "hit_rate", "mrr", "catalog_coverage", "distributional_coverage", "novelty", "intra_list_diversity", "fit_ms", "recommend_all_ms");
        foreach (var r in Results)
        {
            var m = r.Ranking;
            var b = r.BeyondAccuracy;
            csv.WriteField(r.Strategy);
            csv.WriteField(K, default);
            csv.WriteField(m.Customers, default);
            foreach (var value in (double[])[m.Precision, m.Recall, m.Ndcg, m.Map, m.MapAtK, m.HitRate, m.Mrr, b.CatalogCoverage, b.DistributionalCoverage, b.Novelty, b.IntraListDiversity, r.FitTime.TotalMilliseconds, r.RecommendAllTime.TotalMilliseconds])
            {
                ArtifactCsv.Score(csv, value);
            }

            csv.EndRecord();
        }
    }

    /// <summary>Writes the table as indented JSON (snake_case; schema in <c>docs/evaluation.md</c>).</summary>
    /// <param name="stream">The destination, left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var document = new ComparisonDocument(
            Split,
            K,
            ExcludePurchased,
            Truth == TruthSet.NewProducts ? "new_products" : "all",
            TrainRows,
            TestRows,
            TruthPairs,
            [.. Results.Select(r => new StrategyDocument(
                r.Strategy,
                r.Ranking.Customers,
                r.Ranking.Precision,
                r.Ranking.Recall,
                r.Ranking.Ndcg,
                r.Ranking.Map,
                r.Ranking.MapAtK,
                r.Ranking.HitRate,
                r.Ranking.Mrr,
                r.BeyondAccuracy.CatalogCoverage,
                r.BeyondAccuracy.DistributionalCoverage,
                r.BeyondAccuracy.Novelty,
                r.BeyondAccuracy.IntraListDiversity,
                r.FitTime.TotalMilliseconds,
                r.RecommendAllTime.TotalMilliseconds))]);
        JsonSerializer.Serialize(stream, document, EvaluationJsonContext.Default.ComparisonDocument);
    }

    /// <summary>The JSON form of the table.</summary>
    internal sealed record ComparisonDocument(string Split, int K, bool ExcludePurchased, string Truth, int TrainRows, int TestRows, int TruthPairs, StrategyDocument[] Strategies);

    /// <summary>The JSON form of one row.</summary>
    internal sealed record StrategyDocument(
        string Strategy,
        int Customers,
        double Precision,
        double Recall,
        double Ndcg,
        double Map,
        double MapAtK,
        double HitRate,
        double Mrr,
        double CatalogCoverage,
        double DistributionalCoverage,
        double Novelty,
        double IntraListDiversity,
        double FitMs,
        double RecommendAllMs);
}
