using MathNet.Numerics;

namespace CustomerAnalytics.Lifetime;

/// <summary>
/// The BG/NBD log-likelihood over a summary compressed to its distinct (x, tₓ, T) rows with weights, the distinct
/// values of x, tₓ and T tabulated once per evaluation: a row then costs one exponential and one logarithm.
/// </summary>
internal sealed class BgNbdLikelihood
{
    private const int ChunkRows = 8192;

    private readonly int[] _x;
    private readonly double[] _tx;
    private readonly double[] _t;
    private readonly int[] _rowX;
    private readonly int[] _rowTx;
    private readonly int[] _rowT;
    private readonly double[] _weight;

    public BgNbdLikelihood(ReadOnlySpan<int> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t)
    {
        var xs = new Dictionary<int, int>();
        var txs = new Dictionary<double, int>();
        var ts = new Dictionary<double, int>();
        var rows = new Dictionary<(int, int, int), int>();
        var rowX = new List<int>();
        var rowTx = new List<int>();
        var rowT = new List<int>();
        var weight = new List<double>();
        for (var i = 0; i < frequency.Length; i++)
        {
            var xi = Intern(xs, frequency[i]);
            var txi = Intern(txs, recency[i]);
            var ti = Intern(ts, t[i]);
            if (rows.TryGetValue((xi, txi, ti), out var row))
            {
                weight[row]++;
            }
            else
            {
                rows.Add((xi, txi, ti), rowX.Count);
                rowX.Add(xi);
                rowTx.Add(txi);
                rowT.Add(ti);
                weight.Add(1);
            }
        }

        _x = Keys(xs);
        _tx = Keys(txs);
        _t = Keys(ts);
        _rowX = [.. rowX];
        _rowTx = [.. rowTx];
        _rowT = [.. rowT];
        _weight = [.. weight];
        Customers = frequency.Length;
    }

    /// <summary>The customers summarised.</summary>
    public int Customers { get; }

    /// <summary>The distinct (x, tₓ, T) rows.</summary>
    public int DistinctRows => _weight.Length;

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

        var lnAlphaT = Logs(_t, alpha);
        var lnAlphaTx = Logs(_tx, alpha);
        var rows = _weight.Length;
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
            var xi = _rowX[i];
            var rx = r + _x[xi];
            var a3 = -rx * lnAlphaT[_rowT[i]];
            double ll;
            if (_x[xi] == 0)
            {
                ll = a3;
            }
            else
            {
                var a4 = dropout[xi] - (rx * lnAlphaTx[_rowTx[i]]);
                var max = Math.Max(a3, a4);
                ll = max + Math.Log(1 + Math.Exp(Math.Min(a3, a4) - max));
            }

            total += _weight[i] * (common[xi] + ll);
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

    private static int Intern<T>(Dictionary<T, int> map, T value)
        where T : notnull
    {
        if (!map.TryGetValue(value, out var index))
        {
            index = map.Count;
            map.Add(value, index);
        }

        return index;
    }

    private static T[] Keys<T>(Dictionary<T, int> map)
        where T : notnull
    {
        var keys = new T[map.Count];
        foreach (var (key, index) in map)
        {
            keys[index] = key;
        }

        return keys;
    }
}
