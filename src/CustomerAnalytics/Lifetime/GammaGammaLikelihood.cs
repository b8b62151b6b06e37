using MathNet.Numerics;

namespace CustomerAnalytics.Lifetime;

/// <summary>
/// The Gamma-Gamma log-likelihood of repeat buyers (x &gt; 0, m̄ₓ &gt; 0): the Γ terms are tabulated per distinct x and
/// the logarithms of x and m̄ₓ taken once, so an evaluation costs one logarithm per customer.
/// </summary>
internal sealed class GammaGammaLikelihood
{
    private const int Chunk = 16_384;

    private readonly double[] _x;
    private readonly double[] _m;
    private readonly double[] _lnM;
    private readonly double[] _xLnXm;
    private readonly int[] _xIndex;
    private readonly double[] _distinctX;

    public GammaGammaLikelihood(double[] x, double[] m)
    {
        _x = x;
        _m = m;
        _lnM = new double[x.Length];
        _xLnXm = new double[x.Length];
        _xIndex = new int[x.Length];
        var distinct = new Dictionary<double, int>();
        for (var i = 0; i < x.Length; i++)
        {
            _lnM[i] = Math.Log(m[i]);
            _xLnXm[i] = x[i] * (Math.Log(x[i]) + _lnM[i]);
            if (!distinct.TryGetValue(x[i], out var index))
            {
                index = distinct.Count;
                distinct.Add(x[i], index);
            }

            _xIndex[i] = index;
        }

        _distinctX = new double[distinct.Count];
        foreach (var (value, index) in distinct)
        {
            _distinctX[index] = value;
        }
    }

    public double Evaluate(double p, double q, double gamma)
    {
        var gammaTerms = new double[_distinctX.Length];
        var constant = (q * Math.Log(gamma)) - SpecialFunctions.GammaLn(q);
        for (var i = 0; i < gammaTerms.Length; i++)
        {
            var px = p * _distinctX[i];
            gammaTerms[i] = SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) + constant;
        }

        var n = _x.Length;
        if (n < 2 * Chunk)
        {
            return Sum(0, n, p, q, gamma, gammaTerms);
        }

        var partial = new double[(n + Chunk - 1) / Chunk];
        Parallel.For(0, partial.Length, c => partial[c] = Sum(c * Chunk, Math.Min(n, (c + 1) * Chunk), p, q, gamma, gammaTerms));
        var total = 0.0;
        foreach (var value in partial)
        {
            total += value;
        }

        return total;
    }

    /// <summary>How many cores <see cref="EvaluateWithGradient"/> uses: −1 (the default) for every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>The log-likelihood of (p, q, γ) and its analytic gradient ∂/∂(p, q, γ) in <paramref name="gradient"/>.</summary>
    public double EvaluateWithGradient(double p, double q, double gamma, Span<double> gradient)
    {
        var distinct = _distinctX.Length;
        var gammaTerms = new double[distinct];
        var dP = new double[distinct];
        var dQ = new double[distinct];
        var lnGamma = Math.Log(gamma);
        var constant = (q * lnGamma) - SpecialFunctions.GammaLn(q);
        var psiQ = SpecialFunctions.DiGamma(q);
        for (var i = 0; i < distinct; i++)
        {
            var x = _distinctX[i];
            var px = p * x;
            var psiPxQ = SpecialFunctions.DiGamma(px + q);
            gammaTerms[i] = SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) + constant;
            dP[i] = x * (psiPxQ - SpecialFunctions.DiGamma(px));
            dQ[i] = psiPxQ - psiQ + lnGamma;
        }

        var sums = LikelihoodChunks.Sum(_x.Length, Chunk, 4, MaxDegreeOfParallelism, (from, to, sum) =>
        {
            for (var i = from; i < to; i++)
            {
                var x = _x[i];
                var k = _xIndex[i];
                var spend = gamma + (x * _m[i]);
                var lnSpend = Math.Log(spend);
                var pxq = (p * x) + q;
                sum[0] += gammaTerms[k] + (p * _xLnXm[i]) - _lnM[i] - (pxq * lnSpend);
                sum[1] += dP[k] + _xLnXm[i] - (x * lnSpend);
                sum[2] += dQ[k] - lnSpend;
                sum[3] += (q / gamma) - (pxq / spend);
            }
        });
        sums.AsSpan(1, 3).CopyTo(gradient);
        return sums[0];
    }

    private double Sum(int from, int to, double p, double q, double gamma, double[] gammaTerms)
    {
        var total = 0.0;
        for (var i = from; i < to; i++)
        {
            // (px−1) ln m + px ln x = p·x(ln x + ln m) − ln m.
            var px = p * _x[i];
            total += gammaTerms[_xIndex[i]] + (p * _xLnXm[i]) - _lnM[i] - ((px + q) * Math.Log(gamma + (_x[i] * _m[i])));
        }

        return total;
    }
}
