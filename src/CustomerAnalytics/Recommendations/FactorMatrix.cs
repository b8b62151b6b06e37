using System.Numerics;
using System.Runtime.InteropServices;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// A dense row-major matrix of latent factors (one row per customer or product), single precision as <c>implicit</c>
/// keeps them, with the few vector operations alternating least squares needs. Written only while fitting.
/// </summary>
internal sealed partial class FactorMatrix
{
    /// <summary>Rows per partial sum of <see cref="Gram"/>: fixed, so the sum's order does not depend on the core count.</summary>
    private const int GramChunk = 2048;

    private readonly float[] _data;

    public FactorMatrix(int rowCount, int factors)
    {
        RowCount = rowCount;
        Factors = factors;
        _data = new float[(long)rowCount * factors];
    }

    public int RowCount { get; }

    public int Factors { get; }

    public Span<float> Row(int row) => _data.AsSpan(row * Factors, Factors);

    /// <summary>Fills the matrix with uniform numbers in [0, 0.01), row by row, from <paramref name="random"/>.</summary>
    public void FillRandom(Random random)
    {
        for (var i = 0; i < _data.Length; i++)
        {
            _data[i] = random.NextSingle() * 0.01f;
        }
    }

    /// <summary>
    /// XᵀX + <paramref name="ridge"/> · I (f × f, row-major): partial sums over fixed chunks of rows, computed in
    /// parallel and added in chunk order, so the result is the same on any number of cores.
    /// </summary>
    public float[] Gram(double ridge, ParallelOptions parallel)
    {
        var f = Factors;
        var chunks = (RowCount + GramChunk - 1) / GramChunk;
        var partials = new float[chunks][];
        Parallel.For(0, chunks, parallel, chunk =>
        {
            var sum = new float[f * f];
            var end = Math.Min(RowCount, (chunk + 1) * GramChunk);
            for (var r = chunk * GramChunk; r < end; r++)
            {
                var row = Row(r);
                for (var a = 0; a < f; a++)
                {
                    if (row[a] != 0)
                    {
                        Axpy(row[a], row, sum.AsSpan(a * f, f));
                    }
                }
            }

            partials[chunk] = sum;
        });

        var gram = new float[f * f];
        foreach (var partial in partials)
        {
            for (var i = 0; i < gram.Length; i++)
            {
                gram[i] += partial[i];
            }
        }

        for (var a = 0; a < f; a++)
        {
            gram[(a * f) + a] += (float)ridge;
        }

        return gram;
    }

    /// <summary>x · y.</summary>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var sum = 0f;
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
            var vy = MemoryMarshal.Cast<float, Vector<float>>(y[..x.Length]);
            var acc = Vector<float>.Zero;
            for (var v = 0; v < vx.Length; v++)
            {
                acc += vx[v] * vy[v];
            }

            sum = Vector.Sum(acc);
            i = vx.Length * Vector<float>.Count;
        }

        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>y += a · x.</summary>
    public static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
            var vy = MemoryMarshal.Cast<float, Vector<float>>(y[..x.Length]);
            var va = new Vector<float>(a);
            for (var v = 0; v < vx.Length; v++)
            {
                vy[v] += va * vx[v];
            }

            i = vx.Length * Vector<float>.Count;
        }

        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    /// <summary>result = M · v for a row-major f × f matrix M.</summary>
    public static void MultiplySquare(float[] matrix, ReadOnlySpan<float> v, Span<float> result)
    {
        var f = v.Length;
        for (var a = 0; a < f; a++)
        {
            result[a] = Dot(matrix.AsSpan(a * f, f), v);
        }
    }
}
