using System.Globalization;
using System.Text.Json;

namespace CustomerAnalytics.Loading;

/// <summary>Why a JSON row cannot be read: the problem, and the property and raw value at fault when there is one.</summary>
internal readonly record struct JsonRowProblem(string Problem, string? Column = null, string? Value = null, string Expected = JsonRowProblem.RowExpected)
{
    /// <summary>What a row should be.</summary>
    public const string RowExpected = "a JSON object whose values are strings, numbers, booleans or null";

    /// <summary>What is wrong with a name or value that does not unescape to text.</summary>
    public const string InvalidTextProblem = "is not valid text (a lone UTF-16 surrogate escape such as \\udc00, or bytes that are not UTF-8)";

    /// <summary>What such a name or value should be.</summary>
    public const string InvalidTextExpected = "text in UTF-8; a character beyond U+FFFF is escaped as a surrogate pair such as \\ud83d\\ude00";

    /// <summary>Whether the row is no whole object (malformed, not an object), so its property names are not headers.</summary>
    public bool Unreadable { get; init; }

    /// <summary>The reader's message without its 0-based position suffix, with the 1-based byte of the line instead.</summary>
    public static string Malformed(JsonException ex)
    {
        var message = ex.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            message = message[..suffix];
        }

        var at = ex.BytePositionInLine is { } position ? $" at byte {(position + 1).ToString(CultureInfo.InvariantCulture)} of the line" : string.Empty;
        return $"malformed JSON{at}: {message.TrimEnd('.')}";
    }
}
