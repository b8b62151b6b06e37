using System.Text;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Thrown by a loader in <see cref="LoadMode.Strict"/> mode: lists every problem found in the source, up to
/// <see cref="LoadOptions.MaxReportedProblems"/>, so that one run shows everything to fix.
/// </summary>
public sealed class DataLoadException : FormatException
{
    /// <summary>Creates the exception for the given problems.</summary>
    /// <param name="diagnostics">The problems found, at least one.</param>
    /// <param name="totalProblems">How many problems were found in all; more than <paramref name="diagnostics"/> holds when the list was cut.</param>
    /// <remarks>The message suggests <see cref="LoadMode.Lenient"/> (<see cref="LenientModeWouldHelp"/> is <see langword="true"/>).</remarks>
    public DataLoadException(IReadOnlyList<LoadDiagnostic> diagnostics, int totalProblems)
        : this(diagnostics, totalProblems, lenientWouldHelp: true)
    {
    }

    /// <summary>
    /// Creates the exception of a load: <paramref name="lenientWouldHelp"/> when it failed in strict mode on bad rows;
    /// <paramref name="listLimit"/> names the option that lists more problems when the list was cut.
    /// </summary>
    internal DataLoadException(IReadOnlyList<LoadDiagnostic> diagnostics, int totalProblems, bool lenientWouldHelp, string listLimit = "LoadOptions.MaxReportedProblems")
        : base(BuildMessage(diagnostics, totalProblems, lenientWouldHelp, listLimit))
    {
        Diagnostics = diagnostics;
        TotalProblems = totalProblems;
        LenientModeWouldHelp = lenientWouldHelp;
    }

    /// <summary>Creates the exception with a message only (no row-level diagnostics).</summary>
    /// <param name="message">The message.</param>
    public DataLoadException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DataLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Creates the exception with a default message.</summary>
    public DataLoadException()
        : this("The data could not be loaded.")
    {
    }

    /// <summary>The problems found, in the order they were found, up to <see cref="LoadOptions.MaxReportedProblems"/>.</summary>
    public IReadOnlyList<LoadDiagnostic> Diagnostics { get; }

    /// <summary>How many problems were found in all.</summary>
    public int TotalProblems { get; }

    /// <summary>
    /// Whether loading with <see cref="LoadMode.Lenient"/> would keep the good rows: <see langword="true"/> when a strict
    /// load failed on bad rows; <see langword="false"/> when the source itself could not be read (a missing file or
    /// column, broken JSON), which stops a lenient load too.
    /// </summary>
    public bool LenientModeWouldHelp { get; }

    private static string BuildMessage(IReadOnlyList<LoadDiagnostic> diagnostics, int totalProblems, bool lenientWouldHelp, string listLimit)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var text = new StringBuilder();
        text.Append(totalProblems == 1 ? "1 problem" : $"{totalProblems} problems")
            .Append(" found while loading")
            .Append(diagnostics.Count > 0 ? $" '{diagnostics[0].Source}'" : string.Empty)
            .Append('.')
            .Append(lenientWouldHelp ? " Load with LoadOptions { Mode = LoadMode.Lenient } to keep the good rows and get these as diagnostics." : string.Empty);
        foreach (var diagnostic in diagnostics)
        {
            text.AppendLine().Append("  ").Append(diagnostic);
        }

        if (totalProblems > diagnostics.Count)
        {
            text.AppendLine().Append("  … and ").Append(totalProblems - diagnostics.Count).Append(" more (raise ").Append(listLimit).Append(" to list them).");
        }

        return text.ToString();
    }
}
