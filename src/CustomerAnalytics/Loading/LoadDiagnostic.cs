using System.Globalization;
using System.Text;

namespace CustomerAnalytics.Loading;

/// <summary>One problem found while loading: where it is, what was there, what was expected and how to relax the check.</summary>
/// <param name="Source">The file name or source name given to the loader.</param>
/// <param name="Line">The 1-based line of the source where the offending row starts (the header is line 1 of a CSV file); 0 when the problem is not tied to a line.</param>
/// <param name="Column">The column (header name or JSON property) at fault; <see langword="null"/> when the whole row or source is at fault.</param>
/// <param name="Value">The raw offending value; <see langword="null"/> when there is none or when <see cref="LoadOptions.IncludeValuesInDiagnostics"/> is off.</param>
/// <param name="Problem">What is wrong, in a short sentence.</param>
/// <param name="Expected">What was expected instead.</param>
/// <param name="Hint">How to relax the check or fix the input; <see langword="null"/> when there is no option to relax it.</param>
/// <param name="Severity">Whether the row was rejected (<see cref="DiagnosticSeverity.Error"/>) or loaded with a warning.</param>
public sealed record LoadDiagnostic(
    string Source,
    long Line,
    string? Column,
    string? Value,
    string Problem,
    string Expected,
    string? Hint = null,
    DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <summary>The diagnostic as one line: <c>source(line), column 'name', value 'x': problem; expected …. hint</c>.</summary>
    /// <returns>The formatted message.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Source);
        if (Line > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"({Line})");
        }

        text.Append(Severity == DiagnosticSeverity.Error ? ": error" : ": warning");
        if (Column is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $", column '{Column}'");
        }

        if (Value is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $", value '{Value}'");
        }

        text.Append(CultureInfo.InvariantCulture, $": {Problem}; expected {Expected}.");
        if (Hint is not null)
        {
            text.Append(' ').Append(Hint);
        }

        return text.ToString();
    }
}
