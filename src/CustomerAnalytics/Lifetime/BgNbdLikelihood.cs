using MathNet.Numerics;

namespace CustomerAnalytics.Lifetime;

/// <summary>
/// The BG/NBD log-likelihood over a summary compressed to its <see cref="DistinctRows"/>, with the terms of the distinct
/// values of x, tₓ and T tabulated once per evaluation: a row then costs one exponential and one logarithm.
/// </summary>
internal sealed class BgNbdLikelihood
{
    private const int ChunkRows = 8192;

    private readonly DistinctRows _rows;
    private readonly int[] _x;

    public BgNbdLikelihood(DistinctRows rows)
    {
        _rows = rows;
        _x = rows.X;
    }

    /// <summary>The log-likelihood of (r, α, a, b); −∞ or NaN where it is undefined.</summary>
    public double Evaluate(double r, double alpha, double a, double b)
    {
        // Per distinct x: ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b), and ln a − ln(b+x−1).
        var common = new double[_x.Length];
        var dropout = new double[_x.Length];
        var lnGammaR = SpecialFunctions.GammaLn(r);
        var lnBetaAB = SpecialFunctions.GammaLn(a + b) - SpecialFunctions.GammaLn(b);
        for (var i = 0; i < _x.Length; i++)
        {
            var x = _x[i];
            common[i] = SpecialFunctions.GammaLn(r + x) - lnGammaR + (r * Math.Log(alpha))
                + lnBetaAB + SpecialFunctions.GammaLn(b + x) - SpecialFunctions.GammaLn(a + b + x);
            dropout[i] = x > 0 ? Math.Log(a) - Math.Log(b + (x - 1)) : double.NaN;
        }

        var lnAlphaT = Logs(_rows.T, alpha);
        var lnAlphaTx = Logs(_rows.Tx, alpha);
        var rows = _rows.Count;
        if (rows < 2 * ChunkRows)
        {
            return Sum(0, rows, r, common, dropout, lnAlphaT, lnAlphaTx);
        }

        // Fixed chunks summed in order: the same result on any number of threads.
        var chunks = (rows + ChunkRows - 1) / ChunkRows;
        var partial = new double[chunks];
        Parallel.For(0, chunks, c => partial[c] = Sum(c * ChunkRows, Math.Min(rows, (c + 1) * ChunkRows), r, common, dropout, lnAlphaT, lnAlphaTx));
        var total = 0.0;
        foreach (var p in partial)
        {
            total += p;
        }

        return total;
    }

    private double Sum(int from, int to, double r, double[] common, double[] dropout, double[] lnAlphaT, double[] lnAlphaTx)
    {
        var total = 0.0;
        for (var i = from; i < to; i++)
        {
            var xi = _rows.RowX[i];
            var rx = r + _x[xi];
            var a3 = -rx * lnAlphaT[_rows.RowT[i]];
            double ll;
            if (_x[xi] == 0)
            {
                ll = a3;
            }
            else
            {
                var a4 = dropout[xi] - (rx * lnAlphaTx[_rows.RowTx[i]]);
                var max = Math.Max(a3, a4);
                ll = max + Math.Log(1 + Math.Exp(Math.Min(a3, a4) - max));
            }

            total += _rows.Weight[i] * (common[xi] + ll);
        }

        return total;
    }

    /// <summary>How many cores <see cref="EvaluateWithGradient"/> uses: −1 (the default) for every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// The log-likelihood of (r, α, a, b) and its analytic gradient ∂/∂(r, α, a, b) in <paramref name="gradient"/>; each
    /// row's ln(A₃ + A₄) is differentiated through its shares A₃/(A₃+A₄) and A₄/(A₃+A₄).
    /// </summary>
    public double EvaluateWithGradient(double r, double alpha, double a, double b, Span<double> gradient)
    {
        var n = _x.Length;
        var common = new double[n];
        var dR = new double[n];
        var dA = new double[n];
        var dB = new double[n];
        var dropout = new double[n];
        var lnGammaR = SpecialFunctions.GammaLn(r);
        var lnBetaAB = SpecialFunctions.GammaLn(a + b) - SpecialFunctions.GammaLn(b);
        var psiR = SpecialFunctions.DiGamma(r);
        var psiAB = SpecialFunctions.DiGamma(a + b);
        var psiB = SpecialFunctions.DiGamma(b);
        var lnAlpha = Math.Log(alpha);
        for (var i = 0; i < n; i++)
        {
            var x = _x[i];
            common[i] = SpecialFunctions.GammaLn(r + x) - lnGammaR + (r * lnAlpha)
                + lnBetaAB + SpecialFunctions.GammaLn(b + x) - SpecialFunctions.GammaLn(a + b + x);
            var psiABX = SpecialFunctions.DiGamma(a + b + x);
            dR[i] = SpecialFunctions.DiGamma(r + x) - psiR + lnAlpha;
            dA[i] = psiAB - psiABX;
            dB[i] = psiAB - psiB + SpecialFunctions.DiGamma(b + x) - psiABX;
            dropout[i] = x > 0 ? Math.Log(a) - Math.Log(b + (x - 1)) : double.NaN;
        }

        var lnAlphaT = Logs(_rows.T, alpha);
        var lnAlphaTx = Logs(_rows.Tx, alpha);
        var sums = LikelihoodChunks.Sum(_rows.Count, ChunkRows, 5, MaxDegreeOfParallelism, (from, to, sum) =>
        {
            for (var i = from; i < to; i++)
            {
                var xi = _rows.RowX[i];
                var x = _x[xi];
                var rx = r + x;
                var lnT = lnAlphaT[_rows.RowT[i]];
                var invT = 1 / (alpha + _rows.T[_rows.RowT[i]]);
                var a3 = -rx * lnT;
                double ll, gr, gAlpha, ga, gb;
                if (x == 0)
                {
                    (ll, gr, gAlpha, ga, gb) = (a3, -lnT, -rx * invT, 0, 0);
                }
                else
                {
                    var lnTx = lnAlphaTx[_rows.RowTx[i]];
                    var invTx = 1 / (alpha + _rows.Tx[_rows.RowTx[i]]);
                    var a4 = dropout[xi] - (rx * lnTx);
                    var max = Math.Max(a3, a4);
                    var e = Math.Exp(Math.Min(a3, a4) - max);
                    ll = max + Math.Log(1 + e);
                    var s4 = a4 >= a3 ? 1 / (1 + e) : e / (1 + e);
                    var s3 = 1 - s4;
                    (gr, gAlpha, ga, gb) = ((-s3 * lnT) - (s4 * lnTx), -rx * ((s3 * invT) + (s4 * invTx)), s4 / a, -s4 / (b + (x - 1)));
                }

                var w = _rows.Weight[i];
                sum[0] += w * (common[xi] + ll);
                sum[1] += w * (dR[xi] + gr);
                sum[2] += w * ((r / alpha) + gAlpha);
                sum[3] += w * (dA[xi] + ga);
                sum[4] += w * (dB[xi] + gb);
            }
        });
        sums.AsSpan(1, 4).CopyTo(gradient);
        return sums[0];
    }

    private static double[] Logs(double[] values, double alpha)
    {
        var logs = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            logs[i] = Math.Log(alpha + values[i]);
        }

        return logs;
    }
}
