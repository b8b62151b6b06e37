namespace CustomerAnalytics.Evaluation;

/// <summary>
/// Sums the per-customer ranking figures of <see cref="RankingMetrics"/>; one accumulator per chunk of customers, added
/// together in chunk order so that results do not depend on thread scheduling.
/// </summary>
internal sealed class RankingAccumulator
{
    private readonly int _k;
    private readonly double[] _idealDcg;
    private readonly double[] _discount;

    public RankingAccumulator(int k, DiscountLogarithm logarithm)
    {
        _k = k;
        _discount = new double[k + 1];
        _idealDcg = new double[k + 1];
        for (var rank = 1; rank <= k; rank++)
        {
            _discount[rank] = 1.0 / (logarithm == DiscountLogarithm.Base2 ? Math.Log2(1 + rank) : Math.Log(1 + rank));
            _idealDcg[rank] = _idealDcg[rank - 1] + _discount[rank];
        }
    }

    public int Customers { get; private set; }

    public double Precision { get; private set; }

    public double Recall { get; private set; }

    public double Ndcg { get; private set; }

    public double Map { get; private set; }

    public double MapAtK { get; private set; }

    public double HitRate { get; private set; }

    public double Mrr { get; private set; }

    /// <summary>Adds one customer: its relevant products (sorted) and its top-k predictions (distinct; −1 for a product the truth does not know).</summary>
    public void Add(ReadOnlySpan<int> relevant, ReadOnlySpan<int> top)
    {
        var hits = 0;
        var dcg = 0.0;
        var precisionSum = 0.0;
        var firstHit = 0;
        for (var i = 0; i < top.Length && i < _k; i++)
        {
            if (top[i] < 0 || relevant.BinarySearch(top[i]) < 0)
            {
                continue;
            }

            var rank = i + 1;
            hits++;
            dcg += _discount[rank];
            precisionSum += (double)hits / rank;
            if (firstHit == 0)
            {
                firstHit = rank;
            }
        }

        Customers++;
        if (hits == 0)
        {
            return;
        }

        var actual = relevant.Length;
        Precision += (double)hits / _k;
        Recall += (double)hits / actual;
        Ndcg += dcg / _idealDcg[Math.Min(actual, _k)];
        Map += precisionSum / actual;
        MapAtK += precisionSum / Math.Min(actual, _k);
        HitRate += 1;
        Mrr += 1.0 / firstHit;
    }

    /// <summary>Adds another accumulator's sums.</summary>
    public void Add(RankingAccumulator other)
    {
        Customers += other.Customers;
        Precision += other.Precision;
        Recall += other.Recall;
        Ndcg += other.Ndcg;
        Map += other.Map;
        MapAtK += other.MapAtK;
        HitRate += other.HitRate;
        Mrr += other.Mrr;
    }

    /// <summary>The means over the customers added (all 0 when none were).</summary>
    public RankingMetrics ToMetrics()
    {
        if (Customers == 0)
        {
            return new RankingMetrics(_k, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        double n = Customers;
        return new RankingMetrics(_k, Customers, Precision / n, Recall / n, Ndcg / n, Map / n, MapAtK / n, HitRate / n, Mrr / n);
    }
}
