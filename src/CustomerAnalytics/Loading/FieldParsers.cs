using System.Runtime.CompilerServices;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Parsers of field values straight from UTF-8 spans: trimming, text checks and integers. Amounts are read by
/// <see cref="MoneyFieldParser"/>, dates and timestamps by <see cref="TimestampFieldParser"/>.
/// </summary>
internal static class FieldParsers
{
    /// <summary>Removes ASCII spaces and tabs (and a stray CR) around a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && IsSpace(value[start]))
        {
            start++;
        }

        while (end > start && IsSpace(value[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }

    /// <summary>What is wrong with a text value's bytes, if anything.</summary>
    public enum TextFlaw
    {
        None,
        NotUtf8,
        Nul,
    }

    /// <summary>Whether a value is valid UTF-8 without NUL bytes (ASCII is checked first, vectorized).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TextFlaw CheckText(ReadOnlySpan<byte> value)
    {
        if (value.IndexOfAnyExceptInRange((byte)1, (byte)0x7F) < 0)
        {
            return TextFlaw.None;
        }

        return value.Contains((byte)0) ? TextFlaw.Nul : System.Text.Unicode.Utf8.IsValid(value) ? TextFlaw.None : TextFlaw.NotUtf8;
    }

    /// <summary>An integer: optional sign and digits (a trailing <c>.0</c>… is not accepted).</summary>
    public static bool TryParseInt32(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        var negative = text[0] == (byte)'-';
        var i = text[0] is (byte)'-' or (byte)'+' ? 1 : 0;
        if (i == text.Length || text.Length - i > 10)
        {
            return false;
        }

        long result = 0;
        for (; i < text.Length; i++)
        {
            var digit = text[i] - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            result = (result * 10) + digit;
        }

        result = negative ? -result : result;
        if (result is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)result;
        return true;
    }

    /// <summary>An id that is an integer formatting back to the same text (no sign, no leading zero, 1–18 digits).</summary>
    public static bool TryParseCanonicalInteger(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 18 || (text[0] == (byte)'0' && text.Length > 1))
        {
            return false;
        }

        foreach (var b in text)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
