namespace CustomerAnalytics.Recommendations;

/// <summary>
/// The best <c>count</c> scored products seen so far (score descending, ties by product id, ordinal), kept in a bounded
/// heap whose root is the worst kept: O(n log count) over n candidates. Reused across lists of one thread.
/// </summary>
internal sealed class TopCandidates(int[] ordinalRank)
{
    private readonly List<(int Product, float Score)> _heap = [];
    private int _count;

    public void Begin(int count)
    {
        _heap.Clear();
        _count = count;
    }

    public void Offer(int product, float score)
    {
        if (_heap.Count < _count)
        {
            _heap.Add((product, score));
            SiftUp(_heap.Count - 1);
        }
        else if (_count > 0 && Better(product, score, _heap[0].Product, _heap[0].Score))
        {
            _heap[0] = (product, score);
            SiftDown(0);
        }
    }

    /// <summary>The kept products, best first.</summary>
    public (int Product, float Score)[] Best()
    {
        var result = _heap.ToArray();
        Array.Sort(result, (a, b) => Better(a.Product, a.Score, b.Product, b.Score) ? -1 : Better(b.Product, b.Score, a.Product, a.Score) ? 1 : 0);
        return result;
    }

    private bool Better(int a, float scoreA, int b, float scoreB) =>
        scoreA > scoreB || (scoreA == scoreB && ordinalRank[a] < ordinalRank[b]);

    /// <summary>Whether heap entry i should sit above j (it is worse).</summary>
    private bool Above(int i, int j) => Better(_heap[j].Product, _heap[j].Score, _heap[i].Product, _heap[i].Score);

    private void SiftUp(int i)
    {
        while (i > 0 && Above(i, (i - 1) / 2))
        {
            (_heap[i], _heap[(i - 1) / 2]) = (_heap[(i - 1) / 2], _heap[i]);
            i = (i - 1) / 2;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var worst = i;
            foreach (var child in (ReadOnlySpan<int>)[(2 * i) + 1, (2 * i) + 2])
            {
                if (child < _heap.Count && Above(child, worst))
                {
                    worst = child;
                }
            }

            if (worst == i)
            {
                return;
            }

            (_heap[i], _heap[worst]) = (_heap[worst], _heap[i]);
            i = worst;
        }
    }
}
