using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Benchmarks.Generation;

/// <summary>
/// Writes the ids of one <see cref="IdStyle"/>. Each id is a pure function of the seed and the dense index, so the
/// random stream that shapes the data is the same in both styles (the same figures), and no id table is kept:
/// memory does not grow with the ids.
/// </summary>
/// <remarks>
/// The realistic ids are unique by construction: a UUID's last 48 bits (its node field, which has no fixed bits) are
/// <c>index × odd + offset mod 2⁴⁸</c>, a bijection; a SKU's eight digits are <c>index × m + offset mod 10⁸</c> with
/// <c>m</c> coprime to 10, also a bijection. The other UUID bits are SplitMix64 noise with the version-4 and RFC 4122
/// variant bits set.
/// </remarks>
internal sealed class IdWriter
{
    private const ulong Node = (1UL << 48) - 1;
    private const ulong SkuSpace = 100_000_000;
    private const ulong SkuMultiplier = 7_368_787;

    private readonly ulong _seed;
    private readonly int _customerDigits;

    public IdWriter(IdStyle style, ulong seed, int customers)
    {
        Style = style;
        _seed = seed;
        _customerDigits = Math.Max(7, customers.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
    }

    public IdStyle Style { get; }

    /// <summary>The id of customer <paramref name="index"/> (0-based).</summary>
    public void Customer(TableWriter writer, int index)
    {
        if (Style == IdStyle.Sequential)
        {
            writer.Id('C', index + 1, _customerDigits);
            return;
        }

        Span<byte> text = stackalloc byte[36];
        FormatUuid(text, index);
        writer.Ascii(text);
    }

    /// <summary>The id of product <paramref name="index"/> (0-based).</summary>
    public void Product(TableWriter writer, int index)
    {
        if (Style == IdStyle.Sequential)
        {
            writer.Id('P', index + 1, 6);
            return;
        }

        var n = (((ulong)index * SkuMultiplier) + (_seed % SkuSpace)) % SkuSpace;
        Span<byte> text = stackalloc byte[13];
        "SKU-"u8.CopyTo(text);
        Digits(text.Slice(4, 5), n / 1000);
        text[9] = (byte)'-';
        Digits(text.Slice(10, 3), n % 1000);
        writer.Ascii(text);
    }

    /// <summary>The number of order <paramref name="order"/> (1-based).</summary>
    public void Order(TableWriter writer, long order)
    {
        if (Style == IdStyle.Sequential)
        {
            writer.NumericText(order);
            return;
        }

        Span<byte> text = stackalloc byte[12];
        "SO-"u8.CopyTo(text);
        Digits(text[3..], (ulong)order);
        writer.Ascii(text);
    }

    /// <summary>The canonical, lower-case text of customer <paramref name="index"/>'s UUID.</summary>
    internal void FormatUuid(Span<byte> text, int index)
    {
        var state = _seed ^ ((ulong)index * 0xD1B54A32D192ED03);
        var high = SplitMix(ref state);
        var low = (SplitMix(ref state) & ~Node) | ((((ulong)index * 0x9E3779B97F4A7C15) + _seed) & Node);
        high = (high & ~0xF000UL) | 0x4000UL;                       // version 4
        low = (low & ~(0xC0UL << 56)) | (0x80UL << 56);             // RFC 4122 variant
        UuidText.Format(high, low, upper: false, text);
    }

    private static void Digits(Span<byte> destination, ulong value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
