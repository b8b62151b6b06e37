using System.Text;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>HTML escaping of text values: every value the dashboard shows passes through <see cref="Append"/>.</summary>
internal static class Html
{
    /// <summary>Appends <paramref name="text"/> escaped for HTML text and quoted attribute values: <c>&amp; &lt; &gt; " '</c>
    /// become references; control characters other than tab, line feed and carriage return become U+FFFD.</summary>
    public static StringBuilder Append(StringBuilder builder, string? text)
    {
        if (text is null)
        {
            return builder;
        }

        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                '\t' or '\n' or '\r' => builder.Append(c),
                _ when char.IsControl(c) => builder.Append('\uFFFD'),
                _ => builder.Append(c),
            };
        }

        return builder;
    }

    /// <summary><paramref name="text"/> escaped as by <see cref="Append"/>.</summary>
    public static string Escape(string? text) => Append(new StringBuilder(), text).ToString();

    /// <summary>Replaces control characters (which XML cannot carry) with U+FFFD, for text handed to the chart renderer.</summary>
    public static string WithoutControlCharacters(string text) =>
        text.Any(char.IsControl) ? new string([.. text.Select(c => char.IsControl(c) ? '\uFFFD' : c)]) : text;
}
