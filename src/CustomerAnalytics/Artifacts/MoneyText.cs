using System.Buffers.Text;
using System.Globalization;

namespace CustomerAnalytics.Artifacts;

/// <summary>
/// Money as UTF-8, exactly as <see cref="decimal"/> formats it with <see cref="ArtifactCsv.MoneyFormat"/> (<c>0.00##</c>,
/// invariant): a fast path for the values that need no rounding (at most four decimals, the dataset's precision), the
/// format itself for the rest.
/// </summary>
internal static class MoneyText
{
    private static readonly ulong[] ToUnits = [10_000, 1_000, 100, 10, 1];

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/> (at least 40 bytes) and returns the byte count.</summary>
    public static int Format(decimal value, Span<byte> destination)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        var unscaled = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (scale > 4 || bits[2] != 0 || unscaled >= 100_000_000_000_000 || (negative && unscaled == 0))
        {
            value.TryFormat(destination, out var formatted, ArtifactCsv.MoneyFormat, CultureInfo.InvariantCulture);
            return formatted;
        }

        return Format(negative, unscaled * ToUnits[scale], destination);
    }

    /// <summary>Writes an amount in units of 1/10,000 (<see cref="Internal.Money"/>'s) as the decimal it stands for is written.</summary>
    public static int Format(long units, Span<byte> destination) =>
        Format(units < 0, units < 0 ? (ulong)-(units + 1) + 1 : (ulong)units, destination);

    private static int Format(bool negative, ulong units, Span<byte> destination)
    {
        var length = 0;
        if (negative)
        {
            destination[length++] = (byte)'-';
        }

        Utf8Formatter.TryFormat(units / 10_000, destination[length..], out var integer);
        length += integer;
        var fraction = (int)(units % 10_000);
        destination[length++] = (byte)'.';
        destination[length++] = (byte)('0' + (fraction / 1000));
        destination[length++] = (byte)('0' + (fraction / 100 % 10));
        var third = fraction / 10 % 10;
        var fourth = fraction % 10;
        if (fourth != 0)
        {
            destination[length++] = (byte)('0' + third);
            destination[length++] = (byte)('0' + fourth);
        }
        else if (third != 0)
        {
            destination[length++] = (byte)('0' + third);
        }

        return length;
    }
}
