namespace CustomerAnalytics.Evaluation;

/// <summary>The computation of <see cref="BeyondAccuracyMetrics"/> over interned lists.</summary>
internal static class ListMetrics
{
    /// <summary>Computes the metrics.</summary>
    /// <param name="train">The training interactions.</param>
    /// <param name="lists">The recommendation lists (distinct products each); indexes from <see cref="InteractionTable.ProductCount"/> on are products training never saw.</param>
    /// <param name="productCount">The size of the product index space of <paramref name="lists"/>.</param>
    public static BeyondAccuracyMetrics Compute(InteractionTable train, IReadOnlyList<int[]> lists, int productCount)
    {
        var timesRecommended = new long[productCount];
        long rows = 0;
        foreach (var list in lists)
        {
            foreach (var p in list)
            {
                timesRecommended[p]++;
            }

            rows += list.Length;
        }

        if (rows == 0)
        {
            return new BeyondAccuracyMetrics(0, 0, 0, 0);
        }

        var distinct = 0;
        var entropy = 0.0;
        var novelty = 0.0;
        for (var p = 0; p < productCount; p++)
        {
            if (timesRecommended[p] == 0)
            {
                continue;
            }

            distinct++;
            var share = (double)timesRecommended[p] / rows;
            entropy -= share * Math.Log2(share);
            var buyers = p < train.ProductCount ? train.CustomersOf(p).Length : 0;
            if (buyers > 0)
            {
                novelty += timesRecommended[p] * -Math.Log2((double)buyers / train.Interactions);
            }
        }

        var coverage = train.ProductsWithInteractions == 0 ? 0 : (double)distinct / train.ProductsWithInteractions;
        return new BeyondAccuracyMetrics(coverage, entropy, novelty / rows, Diversity(train, lists));
    }

    /// <summary>Mean over lists of two or more items of 1 − the mean cosine co-occurrence similarity of their pairs.</summary>
    private static double Diversity(InteractionTable train, IReadOnlyList<int[]> lists)
    {
        var memo = new Dictionary<long, double>();
        var sum = 0.0;
        var counted = 0;
        foreach (var list in lists)
        {
            if (list.Length < 2)
            {
                continue;
            }

            var similarity = 0.0;
            var pairs = 0;
            for (var i = 0; i < list.Length; i++)
            {
                for (var j = i + 1; j < list.Length; j++)
                {
                    similarity += Similarity(train, memo, list[i], list[j]);
                    pairs++;
                }
            }

            sum += 1 - (similarity / pairs);
            counted++;
        }

        return counted == 0 ? 0 : sum / counted;
    }

    /// <summary>c_ab ÷ √(c_a · c_b) over the training buyers; 0 when either product has none.</summary>
    private static double Similarity(InteractionTable train, Dictionary<long, double> memo, int a, int b)
    {
        if (a > b)
        {
            (a, b) = (b, a);
        }

        if (b >= train.ProductCount)
        {
            return 0;
        }

        var key = ((long)a << 32) | (uint)b;
        if (memo.TryGetValue(key, out var known))
        {
            return known;
        }

        var x = train.CustomersOf(a);
        var y = train.CustomersOf(b);
        var both = 0;
        for (int i = 0, j = 0; i < x.Length && j < y.Length;)
        {
            if (x[i] == y[j])
            {
                both++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        var value = both == 0 ? 0 : both / Math.Sqrt((double)x.Length * y.Length);
        memo.Add(key, value);
        return value;
    }
}
