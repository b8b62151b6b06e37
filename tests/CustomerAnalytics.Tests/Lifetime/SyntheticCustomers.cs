using System.Globalization;
using CustomerAnalytics.Lifetime;

namespace CustomerAnalytics.Tests.Lifetime;

/// <summary>Seeded random BTYD columns with many distinct (x, tₓ, T) rows, for the likelihood tests.</summary>
internal static class SyntheticCustomers
{
    /// <summary><paramref name="n"/> customers: T up to 57 weeks, a third with no repeat purchase, tₓ to 1/1000 week.</summary>
    public static (int[] X, double[] Tx, double[] T) Columns(int n, int seed)
    {
        var random = new Random(seed);
        var x = new int[n];
        var tx = new double[n];
        var t = new double[n];
        for (var i = 0; i < n; i++)
        {
            t[i] = (1 + random.Next(0, 400)) / 7.0;
            x[i] = i % 3 == 0 ? 0 : random.Next(1, 30);
            tx[i] = x[i] == 0 ? 0 : Math.Floor(t[i] * random.NextDouble() * 1000) / 1000;
        }

        return (x, tx, t);
    }

    /// <summary>The columns as a summary in weeks, customers named 0, 1, 2, …</summary>
    public static BtydSummary Summary(int[] x, double[] tx, double[] t) =>
        BtydSummary.FromColumns([.. Enumerable.Range(0, x.Length).Select(i => i.ToString(CultureInfo.InvariantCulture))], x, tx, t, [], LifetimeTimeUnit.Weeks);
}
