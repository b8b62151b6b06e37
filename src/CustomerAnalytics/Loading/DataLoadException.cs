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
    public DataLoadException(IReadOnlyList<LoadDiagnostic> diagnostics, int totalProblems)
        : base(BuildMessage(diagnostics, totalProblems))
    {
        Diagnostics = diagnostics;
        TotalProblems = totalProblems;
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

    private static string BuildMessage(IReadOnlyList<LoadDiagnostic> diagnostics, int totalProblems)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var text = new StringBuilder();
        text.Append(totalProblems == 1 ? "1 problem" : $"{totalProblems} problems")
            .Append(" found while loading")
            .Append(diagnostics.Count > 0 ? $" '{diagnostics[0].Source}'" : string.Empty)
            .Append(". Load with LoadOptions { Mode = LoadMode.Lenient } to keep the good rows and get these as diagnostics.");
        foreach (var diagnostic in diagnostics)
        {
            text.AppendLine().Append("  ").Append(diagnostic);
        }

        if (totalProblems > diagnostics.Count)
        {
            text.AppendLine().Append("  … and ").Append(totalProblems - diagnostics.Count).Append(" more (raise LoadOptions.MaxReportedProblems to list them).");
        }

        return text.ToString();
    }
}
