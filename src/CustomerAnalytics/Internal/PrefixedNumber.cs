using System.Globalization;

namespace CustomerAnalytics.Internal;

/// <summary>
/// Ids written as a text prefix and a fixed number of digits (<c>SO-000000001</c>, <c>INV2024-0042</c>,
/// <c>000123</c>): kept as the prefix, the digit count and the number, and formatted back to exactly the same text
/// (leading zeros and all), so a column of them needs 8 bytes an id, or nothing when the numbers run in sequence.
/// </summary>
internal static class PrefixedNumber
{
    /// <summary>The most digits kept as a number (18 always fit a <see cref="long"/>).</summary>
    public const int MaxDigits = 18;

    /// <summary>
    /// Splits an id into its prefix (everything before the trailing run of ASCII digits) and the number of those
    /// 1–18 digits; <see langword="false"/> when it does not end in such a run.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> id, out ReadOnlySpan<char> prefix, out int digits, out long value)
    {
        var start = id.Length;
        while (start > 0 && char.IsAsciiDigit(id[start - 1]))
        {
            start--;
        }

        digits = id.Length - start;
        prefix = id[..start];
        value = 0;
        if (digits is 0 or > MaxDigits)
        {
            return false;
        }

        foreach (var c in id[start..])
        {
            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>The text of an id split by <see cref="TryParse"/>.</summary>
    public static string Format(string prefix, int digits, long value) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{value.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}");
}
