using System.Collections.Concurrent;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// The sparse item-to-item similarity of <see cref="ItemCooccurrenceRecommender"/>: per product its most similar other
/// products (every one, or at most <see cref="NeighborLimit"/>), its similarity to itself and its occurrence count c_ii.
/// Immutable once built.
/// </summary>
internal sealed partial class ItemSimilarityMatrix
{
    private readonly int[][] _neighbors;
    private readonly double[][] _similarities;
    private readonly double[] _self;
    private readonly int[] _occurrences;

    private ItemSimilarityMatrix(int[][] neighbors, double[][] similarities, double[] self, int[] occurrences, NeighborLimit limit)
    {
        _neighbors = neighbors;
        _similarities = similarities;
        _self = self;
        _occurrences = occurrences;
        Limit = limit;
    }

    /// <summary>How many neighbours each product kept, and the description that says so.</summary>
    public NeighborLimit Limit { get; }

    /// <summary>c_ii per product index: the baskets with the product (before the minimum support).</summary>
    public ReadOnlySpan<int> Occurrences => _occurrences;

    /// <summary>The products similar to <paramref name="product"/> (not itself), most similar first.</summary>
    public ReadOnlySpan<int> NeighborsOf(int product) => _neighbors[product];

    /// <summary>The similarities matching <see cref="NeighborsOf"/>.</summary>
    public ReadOnlySpan<double> SimilaritiesOf(int product) => _similarities[product];

    /// <summary>s_ii: the product's similarity to itself (0 below the minimum support).</summary>
    public double SelfOf(int product) => _self[product];

    /// <summary>Counts co-occurrences over <paramref name="baskets"/> and keeps each product's most similar products.</summary>
    /// <param name="baskets">The baskets: per customer or per order, sorted distinct products.</param>
    /// <param name="productCount">The number of products.</param>
    /// <param name="options">Similarity and minimum support.</param>
    /// <param name="limit">The neighbours each product keeps.</param>
    /// <param name="ordinalRank">Each product's position in the ordinal order of product ids, for ties.</param>
    /// <param name="cancellationToken">Checked between chunks of 256 products.</param>
    public static ItemSimilarityMatrix Build(Baskets baskets, int productCount, ItemCooccurrenceOptions options, NeighborLimit limit, int[] ordinalRank, CancellationToken cancellationToken = default)
    {
        var rows = new Rows(baskets, productCount, options, limit.Limit ?? int.MaxValue, ordinalRank);
        Parallel.ForEach(
            Partitioner.Create(0, Math.Max(productCount, 1), 256),
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new RowScratch(productCount),
            (range, _, scratch) =>
            {
                for (var i = range.Item1; i < Math.Min(range.Item2, productCount); i++)
                {
                    rows.Build(i, scratch);
                }

                return scratch;
            },
            _ => { });
        return new ItemSimilarityMatrix(rows.Neighbors, rows.Similarities, rows.Self, rows.Counts, limit);
    }

    /// <summary>The similarity of two products from their counts.</summary>
    internal static double Similarity(ItemSimilarity kind, int cij, int cii, int cjj) => kind switch
    {
        ItemSimilarity.Cooccurrence => cij,
        ItemSimilarity.Lift => cij / ((double)cii * cjj),
        ItemSimilarity.Cosine => cij / Math.Sqrt((double)cii * cjj),
        _ => cij / (double)(cii + cjj - cij),
    };

    /// <summary>A neighbour's rank key: higher similarity is better, then lower ordinal rank.</summary>
    private readonly record struct NeighborKey(double Similarity, int OrdinalRank)
    {
        /// <summary>Orders worse keys first (the heap's top is the worst kept neighbour).</summary>
        public static Comparer<NeighborKey> Comparer { get; } = Comparer<NeighborKey>.Create((a, b) =>
            a.Similarity != b.Similarity ? a.Similarity.CompareTo(b.Similarity) : b.OrdinalRank.CompareTo(a.OrdinalRank));
    }

    /// <summary>What one thread reuses from row to row.</summary>
    private sealed class RowScratch(int productCount)
    {
        public int[] Count { get; } = new int[productCount];

        public List<int> Touched { get; } = [];

        public PriorityQueue<int, NeighborKey> Heap { get; } = new(NeighborKey.Comparer);
    }

    /// <summary>The rows of the matrix as they are built, each by one thread: its self-similarity, co-occurrence counts and most similar neighbours.</summary>
    private sealed class Rows
    {
        private readonly Baskets _baskets;
        private readonly Baskets _basketsOf;
        private readonly int[] _counts;
        private readonly int[] _ordinalRank;
        private readonly ItemSimilarity _similarity;
        private readonly int _support;
        private readonly int _limit;

        public Rows(Baskets baskets, int productCount, ItemCooccurrenceOptions options, int limit, int[] ordinalRank)
        {
            _baskets = baskets;
            _basketsOf = baskets.Transpose(productCount);
            _counts = new int[productCount];
            for (var p = 0; p < productCount; p++)
            {
                _counts[p] = _basketsOf.Of(p).Length;
            }

            _ordinalRank = ordinalRank;
            _similarity = options.Similarity;
            _support = options.MinimumSupport;
            _limit = limit;
            Neighbors = new int[productCount][];
            Similarities = new double[productCount][];
            Self = new double[productCount];
        }

        public int[][] Neighbors { get; }

        public double[][] Similarities { get; }

        public double[] Self { get; }

        public int[] Counts => _counts;

        /// <summary>Row <paramref name="i"/>: empty below the minimum support.</summary>
        public void Build(int i, RowScratch scratch)
        {
            var cii = _counts[i];
            Self[i] = cii >= _support && cii > 0 ? Similarity(_similarity, cii, cii, cii) : 0;
            Neighbors[i] = [];
            Similarities[i] = [];
            if (cii < _support)
            {
                return;
            }

            CountCooccurrences(i, scratch);
            KeepMostSimilar(i, cii, scratch);
            var heap = scratch.Heap;
            var n = heap.Count;
            var rowNeighbors = new int[n];
            var rowSimilarities = new double[n];
            for (var k = n - 1; k >= 0; k--)
            {
                heap.TryDequeue(out var j, out var key);
                rowNeighbors[k] = j;
                rowSimilarities[k] = key.Similarity;
            }

            Neighbors[i] = rowNeighbors;
            Similarities[i] = rowSimilarities;
        }

        /// <summary>c_ij for every j sharing a basket with i, in <see cref="RowScratch.Count"/>; the js in <see cref="RowScratch.Touched"/>.</summary>
        private void CountCooccurrences(int i, RowScratch scratch)
        {
            var count = scratch.Count;
            var touched = scratch.Touched;
            touched.Clear();
            foreach (var basket in _basketsOf.Of(i))
            {
                foreach (var j in _baskets.Of(basket))
                {
                    if (count[j]++ == 0)
                    {
                        touched.Add(j);
                    }
                }
            }
        }

        /// <summary>
        /// Keeps the <c>limit</c> most similar (ties: lower ordinal rank) in <see cref="RowScratch.Heap"/>, a min-heap
        /// whose top is the worst kept; clears the counts.
        /// </summary>
        private void KeepMostSimilar(int i, int cii, RowScratch scratch)
        {
            var count = scratch.Count;
            var heap = scratch.Heap;
            heap.Clear();
            var worst = default(NeighborKey);
            foreach (var j in scratch.Touched)
            {
                var cij = count[j];
                count[j] = 0;
                if (j == i || cij < _support)
                {
                    continue;
                }

                var value = Similarity(_similarity, cij, cii, _counts[j]);
                if (heap.Count < _limit)
                {
                    heap.Enqueue(j, new NeighborKey(value, _ordinalRank[j]));
                    heap.TryPeek(out _, out worst);
                }
                else if (value > worst.Similarity || (value == worst.Similarity && _ordinalRank[j] < worst.OrdinalRank))
                {
                    // Most candidates fail the test above once the heap holds good neighbours: only the rest pay for the heap.
                    heap.EnqueueDequeue(j, new NeighborKey(value, _ordinalRank[j]));
                    heap.TryPeek(out _, out worst);
                }
            }
        }
    }
}
