namespace CustomerAnalytics.Benchmarks.Generation;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, fast generator whose output depends only on the seed (not on
/// the .NET version, unlike <see cref="Random"/>'s algorithm), so generated data sets are reproducible everywhere.
/// </summary>
internal sealed class Xoshiro
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="bound"/>).</summary>
    public int Next(int bound) => (int)((NextUInt64() >> 32) * (ulong)bound >> 32);

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
