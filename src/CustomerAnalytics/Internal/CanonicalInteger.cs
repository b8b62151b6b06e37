namespace CustomerAnalytics.Internal;

/// <summary>Integers written as ids: only text that formats back exactly (no sign, no leading zero, 1–18 digits).</summary>
internal static class CanonicalInteger
{
    /// <summary>Whether the text is an integer that formats back to exactly the same text.</summary>
    public static bool TryParse(string text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 18 || (text[0] == '0' && text.Length > 1))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
