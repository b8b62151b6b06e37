namespace CustomerAnalytics.Benchmarks.Generation;

/// <summary>Vose's alias method: draws index i with probability weights[i] / Σ weights in O(1).</summary>
internal sealed class AliasTable
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    public AliasTable(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        _probability = new double[n];
        _alias = new int[n];
        var sum = 0.0;
        foreach (var w in weights)
        {
            sum += w;
        }

        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            scaled[i] = weights[i] * n / sum;
            (scaled[i] < 1.0 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).Push(l);
        }

        while (large.Count > 0)
        {
            _probability[large.Pop()] = 1.0;
        }

        while (small.Count > 0)
        {
            _probability[small.Pop()] = 1.0;
        }
    }

    public int Sample(Xoshiro random)
    {
        var i = random.Next(_probability.Length);
        return random.NextDouble() < _probability[i] ? i : _alias[i];
    }
}
