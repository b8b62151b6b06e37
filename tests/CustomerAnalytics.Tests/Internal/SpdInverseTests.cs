using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Tests.Internal;

/// <summary>The Cholesky inverse of EASE: right, and the same bits on one core and on every core.</summary>
public sealed class SpdInverseTests
{
    [Fact]
    public void Invert_TwoByTwo_IsTheAdjugateOverTheDeterminant()
    {
        double[] a = [4, 2, 2, 3]; // det 8

        var inverse = SpdInverse.Invert(a, 2, new ParallelOptions());

        double[] expected = [3.0 / 8, -2.0 / 8, -2.0 / 8, 4.0 / 8];
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(expected[i], inverse[i], 1e-15));
    }

    [Fact]
    public void Invert_Large_TimesTheMatrixIsTheIdentity_AndTheSameOnAnyCoreCount()
    {
        // 600 rows: the Cholesky columns run in parallel past row ~60.
        const int m = 600;
        var matrix = Spd(m);

        var one = SpdInverse.Invert((double[])matrix.Clone(), m, new ParallelOptions { MaxDegreeOfParallelism = 1 });
        var every = SpdInverse.Invert((double[])matrix.Clone(), m, new ParallelOptions());

        Assert.Equal(one, every);
        for (var i = 0; i < m; i += 37)
        {
            for (var j = 0; j < m; j += 41)
            {
                var sum = 0.0;
                for (var k = 0; k < m; k++)
                {
                    sum += matrix[(i * m) + k] * one[(k * m) + j];
                }

                Assert.Equal(i == j ? 1.0 : 0.0, sum, 1e-9);
            }
        }
    }

    [Fact]
    public void Invert_NotPositiveDefinite_SaysWhere()
    {
        double[] a = [1, 2, 2, 1];

        var ex = Assert.Throws<ArgumentException>(() => SpdInverse.Invert(a, 2, new ParallelOptions()));

        Assert.Equal("The matrix is not positive definite at row 1 (pivot -3); raise the regularisation.", ex.Message);
    }

    /// <summary>Gᵀ·G + m·I of a seeded 0/1 matrix G: symmetric positive definite, like XᵀX + λI.</summary>
    private static double[] Spd(int m)
    {
        var random = new Random(16);
        var g = new double[m * m];
        for (var i = 0; i < g.Length; i++)
        {
            g[i] = random.Next(4) == 0 ? 1 : 0;
        }

        var a = new double[m * m];
        Parallel.For(0, m, i =>
        {
            for (var j = 0; j < m; j++)
            {
                var sum = i == j ? m : 0.0;
                for (var k = 0; k < m; k++)
                {
                    sum += g[(k * m) + i] * g[(k * m) + j];
                }

                a[(i * m) + j] = sum;
            }
        });
        return a;
    }
}
