using System.Buffers.Binary;

namespace CustomerAnalytics.Internal;

/// <summary>
/// The canonical text of a UUID (36 bytes, <c>8-4-4-4-12</c> hex digits with hyphens) as its 16 bytes. Only text
/// that formats back exactly is taken: hex letters all lower case or all upper case (the case is kept), so
/// <c>1B9D…</c> and <c>1b9d…</c> stay two ids, and mixed case is left as text.
/// </summary>
internal static class UuidText
{
    public const int Length = 36;

    /// <summary>The UUID's two halves and whether its letters are upper case; <see langword="false"/> when not canonical.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out ulong high, out ulong low, out bool upper)
    {
        high = low = 0;
        upper = false;
        if (text.Length != Length)
        {
            return false;
        }

        var lower = false;
        var nibbles = 0;
        for (var i = 0; i < Length; i++)
        {
            var b = text[i];
            if (i is 8 or 13 or 18 or 23)
            {
                if (b != '-')
                {
                    return false;
                }

                continue;
            }

            int value;
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                value = b - '0';
            }
            else if (b is >= (byte)'a' and <= (byte)'f')
            {
                value = b - 'a' + 10;
                lower = true;
            }
            else if (b is >= (byte)'A' and <= (byte)'F')
            {
                value = b - 'A' + 10;
                upper = true;
            }
            else
            {
                return false;
            }

            if (nibbles++ < 16)
            {
                high = (high << 4) | (uint)value;
            }
            else
            {
                low = (low << 4) | (uint)value;
            }
        }

        return !(lower && upper);
    }

    /// <summary>Writes the canonical text of a UUID parsed by <see cref="TryParse"/> (36 bytes).</summary>
    public static void Format(ulong high, ulong low, bool upper, Span<byte> text)
    {
        var digits = upper ? "0123456789ABCDEF"u8 : "0123456789abcdef"u8;
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
        var at = 0;
        for (var i = 0; i < 16; i++)
        {
            if (i is 4 or 6 or 8 or 10)
            {
                text[at++] = (byte)'-';
            }

            text[at++] = digits[bytes[i] >> 4];
            text[at++] = digits[bytes[i] & 15];
        }
    }
}
