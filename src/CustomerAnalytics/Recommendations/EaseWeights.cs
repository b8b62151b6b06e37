using System.Globalization;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// The item × item weights of <see cref="EaseRecommender"/>: B = I − P · diagMat(1 ÷ diag(P)) with
/// P = (XᵀX + λI)⁻¹, over the products bought at least once, as the rows of an <see cref="ItemSimilarityMatrix"/>.
/// </summary>
internal static class EaseWeights
{
    /// <summary>The weights of the customers' <paramref name="baskets"/> (binary X), described by <paramref name="strategyName"/>.</summary>
    /// <exception cref="ArgumentException">More products were bought than <see cref="EaseOptions.MaxProducts"/>.</exception>
    public static ItemSimilarityMatrix Build(Baskets baskets, int productCount, EaseOptions options, string strategyName, ParallelOptions parallel)
    {
        var byProduct = baskets.Transpose(productCount);
        var counts = new int[productCount];
        var active = new List<int>();
        for (var p = 0; p < productCount; p++)
        {
            counts[p] = byProduct.Of(p).Length;
            if (counts[p] > 0)
            {
                active.Add(p);
            }
        }

        var m = active.Count;
        if (m > options.MaxProducts)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"EASE cannot fit {m:N0} bought products: it holds item × item matrices of about 20 bytes a pair ({20.0 * m * m / 1e9:N1} GB here) and EaseOptions.MaxProducts is {options.MaxProducts:N0}. Use item co-occurrence or ALS for this catalogue, fit on fewer products, or raise MaxProducts (at most {EaseOptions.ProductLimit:N0}) if the machine has the memory."));
        }

        var position = new int[productCount];
        Array.Fill(position, -1);
        for (var k = 0; k < m; k++)
        {
            position[active[k]] = k;
        }

        var gram = Gram(baskets, byProduct, active, position, options.Lambda, parallel);
        var inverse = SpdInverse.Invert(gram, m, parallel);
        var (neighbors, weights) = Rows(inverse, active, productCount, parallel);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"{strategyName}: B = I − P·diagMat(1/diag(P)), P = (XᵀX + λI)⁻¹ with λ = {options.Lambda} over the {m:N0} bought products of {productCount:N0}; every weight is kept.");
        return ItemSimilarityMatrix.FromState(neighbors, weights, new double[productCount], counts, new NeighborLimit(null, description));
    }

    /// <summary>XᵀX + λI over the active products (row-major), a row per product in parallel: integer counts, so the same on any core count.</summary>
    private static double[] Gram(Baskets baskets, Baskets byProduct, List<int> active, int[] position, double lambda, ParallelOptions parallel)
    {
        var m = active.Count;
        var gram = new double[(long)m * m];
        Parallel.For(0, m, parallel, row =>
        {
            var target = gram.AsSpan(row * m, m);
            foreach (var basket in byProduct.Of(active[row]))
            {
                foreach (var product in baskets.Of(basket))
                {
                    target[position[product]] += 1;
                }
            }

            target[row] += lambda;
        });
        return gram;
    }

    /// <summary>Row i of B for each active product: −P_ij ÷ P_jj for j ≠ i where not 0, in product index order.</summary>
    private static (int[][] Neighbors, double[][] Weights) Rows(double[] inverse, List<int> active, int productCount, ParallelOptions parallel)
    {
        var m = active.Count;
        var neighbors = new int[productCount][];
        var weights = new double[productCount][];
        Array.Fill(neighbors, []);
        Array.Fill(weights, []);
        Parallel.For(0, m, parallel, i =>
        {
            var rowNeighbors = new List<int>(m - 1);
            var rowWeights = new List<double>(m - 1);
            for (var j = 0; j < m; j++)
            {
                var b = j == i ? 0 : -inverse[((long)i * m) + j] / inverse[((long)j * m) + j];
                if (b != 0)
                {
                    rowNeighbors.Add(active[j]);
                    rowWeights.Add(b);
                }
            }

            neighbors[active[i]] = [.. rowNeighbors];
            weights[active[i]] = [.. rowWeights];
        });
        return (neighbors, weights);
    }
}
