namespace CustomerAnalytics.Recommendations;

/// <summary>
/// A precomputed ranked list of distinct candidate products, best first, each with its score and reason: what a
/// fitted baseline model serves from. Immutable once built.
/// </summary>
internal sealed partial class RankedCandidates
{
    private readonly int[] _products;
    private readonly double[] _scores;
    private readonly string[] _reasons;

    private RankedCandidates(int[] products, double[] scores, string[] reasons)
    {
        _products = products;
        _scores = scores;
        _reasons = reasons;
    }

    public int Length => _products.Length;

    public ReadOnlySpan<int> Products => _products;

    public double ScoreAt(int position) => _scores[position];

    public string ReasonAt(int position) => _reasons[position];

    /// <summary>The candidates the filter lets through, in the same order.</summary>
    public RankedCandidates Where(ProductFilter filter)
    {
        if (filter.IsEmpty)
        {
            return this;
        }

        var builder = new Builder();
        for (var i = 0; i < _products.Length; i++)
        {
            if (!filter.Blocks(_products[i]))
            {
                builder.Add(_products[i], _scores[i], _reasons[i]);
            }
        }

        return builder.Build();
    }

    /// <summary>Appends candidates in order, skipping products already listed.</summary>
    internal sealed class Builder
    {
        private readonly List<int> _products = [];
        private readonly List<double> _scores = [];
        private readonly List<string> _reasons = [];
        private readonly HashSet<int> _listed = [];

        public void Add(int product, double score, string reason)
        {
            if (_listed.Add(product))
            {
                _products.Add(product);
                _scores.Add(score);
                _reasons.Add(reason);
            }
        }

        /// <summary>Appends every candidate of <paramref name="other"/> not already listed, with its own score or <paramref name="score"/>.</summary>
        public void AddRange(RankedCandidates other, double? score = null)
        {
            for (var i = 0; i < other.Length; i++)
            {
                Add(other._products[i], score ?? other._scores[i], other._reasons[i]);
            }
        }

        public RankedCandidates Build() => new([.. _products], [.. _scores], [.. _reasons]);
    }
}
