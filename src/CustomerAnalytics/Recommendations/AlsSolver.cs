using System.Collections.Concurrent;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// One half-sweep of implicit alternating least squares (Hu, Koren and Volinsky 2008): with the other side's factors Y
/// fixed, each row x_u minimises Σ_i c_ui (p_ui − x_uᵀy_i)² + λ‖x_u‖², whose normal equations are
/// (YᵀY + λI + Yᵀ(Cᵘ − I)Y) x_u = YᵀCᵘp(u). They are solved by a few conjugate-gradient steps started from the row's
/// previous value (Takács, Pilászy and Tikk 2011), never forming the f × f matrix of a row.
/// </summary>
/// <remarks>
/// Rows are independent: each reads only Y, the shared Gram matrix and its own entries, and writes only itself, so the
/// result does not depend on how rows are spread over cores. A row without entries is set to 0, its exact solution.
/// </remarks>
internal static class AlsSolver
{
    /// <summary>Rows per parallel work item.</summary>
    private const int RowChunk = 256;

    /// <summary>A squared residual below this ends a row's conjugate-gradient steps (the threshold <c>implicit</c> uses).</summary>
    private const float Converged = 1e-20f;

    /// <summary>Solves every row of <paramref name="target"/> against <paramref name="fixedFactors"/>.</summary>
    /// <param name="entries">Per target row, the fixed side's rows it has and c − 1 = α · w for each.</param>
    /// <param name="fixedFactors">Y.</param>
    /// <param name="gram">YᵀY + λI.</param>
    /// <param name="target">X, read as the starting point and overwritten.</param>
    /// <param name="steps">Conjugate-gradient steps per row.</param>
    /// <param name="parallel">Cores and cancellation.</param>
    public static void SolveRows(SparseRows entries, FactorMatrix fixedFactors, float[] gram, FactorMatrix target, int steps, ParallelOptions parallel)
    {
        var scratch = new ConcurrentBag<Scratch>();
        Parallel.ForEach(
            Partitioner.Create(0, target.RowCount, RowChunk),
            parallel,
            () => scratch.TryTake(out var s) ? s : new Scratch(target.Factors),
            (range, _, s) =>
            {
                for (var row = range.Item1; row < range.Item2; row++)
                {
                    if (entries.IsEmpty(row))
                    {
                        target.Row(row).Clear();
                    }
                    else
                    {
                        SolveRow(entries.ColumnsOf(row), entries.ValuesOf(row), fixedFactors, gram, target.Row(row), steps, s);
                    }
                }

                return s;
            },
            scratch.Add);
    }

    /// <summary>
    /// Conjugate gradient on A x = b with A = G + Σ_i a_i y_i y_iᵀ and b = Σ_i (1 + a_i) y_i, from x's current value.
    /// </summary>
    public static void SolveRow(ReadOnlySpan<int> columns, ReadOnlySpan<float> extra, FactorMatrix fixedFactors, float[] gram, Span<float> x, int steps, Scratch s)
    {
        var r = s.Residual;
        var p = s.Direction;
        var ap = s.Product;

        // r = b − A x
        FactorMatrix.MultiplySquare(gram, x, r);
        Negate(r);
        for (var k = 0; k < columns.Length; k++)
        {
            var y = fixedFactors.Row(columns[k]);
            FactorMatrix.Axpy(1 + extra[k] - (extra[k] * FactorMatrix.Dot(y, x)), y, r);
        }

        r.CopyTo(p);
        var rsOld = FactorMatrix.Dot(r, r);
        for (var step = 0; step < steps && rsOld >= Converged; step++)
        {
            FactorMatrix.MultiplySquare(gram, p, ap);
            for (var k = 0; k < columns.Length; k++)
            {
                var y = fixedFactors.Row(columns[k]);
                FactorMatrix.Axpy(extra[k] * FactorMatrix.Dot(y, p), y, ap);
            }

            var curvature = FactorMatrix.Dot(p, ap);
            if (!(curvature > 0))
            {
                break;
            }

            var alpha = rsOld / curvature;
            FactorMatrix.Axpy(alpha, p, x);
            FactorMatrix.Axpy(-alpha, ap, r);
            var rsNew = FactorMatrix.Dot(r, r);
            var beta = rsNew / rsOld;
            for (var i = 0; i < p.Length; i++)
            {
                p[i] = r[i] + (beta * p[i]);
            }

            rsOld = rsNew;
        }
    }

    /// <summary>
    /// The objective Σ_u Σ_i c_ui (p_ui − x_uᵀy_i)² + λ(Σ‖x_u‖² + Σ‖y_i‖²) over every customer × product pair, in double
    /// precision: Σ_u x_uᵀ(YᵀY)x_u covers the pairs as if unbought (c = 1, p = 0), and each bought pair adds
    /// c(1 − s)² − s² with s = x_uᵀy_i.
    /// </summary>
    public static double Loss(SparseRows userItems, FactorMatrix users, FactorMatrix items, double regularization)
    {
        var f = users.Factors;
        var gram = new double[f * f];
        for (var i = 0; i < items.RowCount; i++)
        {
            var y = items.Row(i);
            for (var a = 0; a < f; a++)
            {
                for (var b = 0; b < f; b++)
                {
                    gram[(a * f) + b] += (double)y[a] * y[b];
                }
            }
        }

        double loss = 0;
        double norms = 0;
        for (var u = 0; u < users.RowCount; u++)
        {
            var x = users.Row(u);
            for (var a = 0; a < f; a++)
            {
                norms += (double)x[a] * x[a];
                for (var b = 0; b < f; b++)
                {
                    loss += x[a] * gram[(a * f) + b] * x[b];
                }
            }

            var columns = userItems.ColumnsOf(u);
            var extra = userItems.ValuesOf(u);
            for (var k = 0; k < columns.Length; k++)
            {
                var y = items.Row(columns[k]);
                double score = 0;
                for (var a = 0; a < f; a++)
                {
                    score += (double)x[a] * y[a];
                }

                loss += ((1 + (double)extra[k]) * (1 - score) * (1 - score)) - (score * score);
            }
        }

        for (var i = 0; i < items.RowCount; i++)
        {
            foreach (var value in items.Row(i))
            {
                norms += (double)value * value;
            }
        }

        return loss + (regularization * norms);
    }

    private static void Negate(Span<float> v)
    {
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = -v[i];
        }
    }

    /// <summary>The three work vectors of one row's solve, reused across rows of one thread.</summary>
    internal sealed class Scratch(int factors)
    {
        public float[] Residual { get; } = new float[factors];

        public float[] Direction { get; } = new float[factors];

        public float[] Product { get; } = new float[factors];
    }
}
