using System.Numerics;
using System.Runtime.InteropServices;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// The inverse of a dense symmetric positive-definite matrix by its Cholesky factor A = L·Lᵀ, on every core. Each
/// element is one dot product or update in a fixed order, so the result is the same on any number of cores.
/// </summary>
internal static class SpdInverse
{
    /// <summary>Rows left in a Cholesky column below which it is computed on one thread.</summary>
    private const int ParallelWork = 1 << 15;

    /// <summary>
    /// Inverts the m × m matrix <paramref name="a"/> (row-major, both triangles set), overwriting its lower triangle
    /// with L; returns the full inverse, row-major.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not numerically positive definite.</exception>
    public static double[] Invert(double[] a, int m, ParallelOptions parallel)
    {
        Cholesky(a, m, parallel);
        var inverse = new double[(long)m * m];
        Parallel.For(0, m, parallel, () => new double[m], (k, _, work) => InverseRow(a, m, k, work, inverse), _ => { });
        return inverse;
    }

    /// <summary>Left-looking Cholesky: column j of L from the rows above it; the rows below j in parallel.</summary>
    private static void Cholesky(double[] a, int m, ParallelOptions parallel)
    {
        for (var j = 0; j < m; j++)
        {
            parallel.CancellationToken.ThrowIfCancellationRequested();
            var rowJ = a.AsSpan(j * m, j);
            var d = a[(j * m) + j] - Dot(rowJ, rowJ);
            if (!(d > 0))
            {
                throw new ArgumentException($"The matrix is not positive definite at row {j} (pivot {d}); raise the regularisation.");
            }

            var pivot = Math.Sqrt(d);
            a[(j * m) + j] = pivot;
            var column = j;
            if ((long)(m - j) * j < ParallelWork)
            {
                for (var i = j + 1; i < m; i++)
                {
                    a[(i * m) + column] = (a[(i * m) + column] - Dot(a.AsSpan(i * m, column), a.AsSpan(column * m, column))) / pivot;
                }

                continue;
            }

            Parallel.For(j + 1, m, parallel, i =>
                a[(i * m) + column] = (a[(i * m) + column] - Dot(a.AsSpan(i * m, column), a.AsSpan(column * m, column))) / pivot);
        }
    }

    /// <summary>
    /// Row k of A⁻¹ from column k onwards (and, by symmetry, column k below the diagonal): y = L⁻¹·e_k, then x = L⁻ᵀ·y,
    /// of which only x[k..] depends on y[k..].
    /// </summary>
    private static double[] InverseRow(double[] l, int m, int k, double[] work, double[] inverse)
    {
        var y = work.AsSpan();
        y[k] = 1 / l[(k * m) + k];
        for (var i = k + 1; i < m; i++)
        {
            y[i] = -Dot(l.AsSpan((i * m) + k, i - k), y[k..i]) / l[(i * m) + i];
        }

        for (var i = m - 1; i >= k; i--)
        {
            var xi = y[i] / l[(i * m) + i];
            y[i] = xi;
            SubtractScaled(y[k..i], l.AsSpan((i * m) + k, i - k), xi);
        }

        for (var j = k; j < m; j++)
        {
            inverse[((long)k * m) + j] = y[j];
            inverse[((long)j * m) + k] = y[j];
        }

        return work;
    }

    /// <summary>Σ a_i·b_i, vector lanes first, in a fixed order.</summary>
    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = Vector<double>.Zero;
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..a.Length]);
        for (var v = 0; v < va.Length; v++)
        {
            sum += va[v] * vb[v];
        }

        var total = Vector.Sum(sum);
        for (var i = va.Length * Vector<double>.Count; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    /// <summary>y_i −= scale · x_i.</summary>
    private static void SubtractScaled(Span<double> y, ReadOnlySpan<double> x, double scale)
    {
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..y.Length]);
        var s = new Vector<double>(scale);
        for (var v = 0; v < vy.Length; v++)
        {
            vy[v] -= vx[v] * s;
        }

        for (var i = vy.Length * Vector<double>.Count; i < y.Length; i++)
        {
            y[i] -= x[i] * scale;
        }
    }
}
