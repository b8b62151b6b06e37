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
            dropout[i] = x > 0 ? Math.Log(a) - Math.Log(b + x - 1) : double.NaN;
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
