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
    /// <summary>The part of <see cref="Hint"/> about the data alone (<c>Fill it in</c>), naming no option; <see langword="null"/> when there is none.</summary>
    /// <value>A host that words the <see cref="Remedy"/> in its own terms shows this, then its wording of the remedy.</value>
    public string? Advice { get; init; }

    /// <summary>The options <see cref="Hint"/> suggests; <see cref="LoadRemedy.None"/> when it suggests none.</summary>
    /// <value>Defaults to <see cref="LoadRemedy.None"/>.</value>
    public LoadRemedy Remedy { get; init; }

    /// <summary>The hint in a host's words: the <see cref="Advice"/>, then each <see cref="Remedy"/> as <paramref name="wording"/> says it.</summary>
    /// <param name="wording">A remedy (one flag) in the host's words (a command-line flag); <see langword="null"/> or empty to leave it out.</param>
    /// <returns>The hint; <see langword="null"/> when there is nothing to say. A diagnostic made without <see cref="Advice"/> and <see cref="Remedy"/> gives its <see cref="Hint"/>.</returns>
    /// <example><c>diagnostic with { Hint = diagnostic.HintIn(r => r == LoadRemedy.Lenient ? "add --lenient to skip such rows" : null) }</c></example>
    public string? HintIn(Func<LoadRemedy, string?> wording)
    {
        ArgumentNullException.ThrowIfNull(wording);
        return Remedy == LoadRemedy.None && Advice is null ? Hint : LoadHints.Compose(Advice, Remedy, wording);
    }

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
