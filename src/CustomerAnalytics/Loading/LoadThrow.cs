using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace CustomerAnalytics.Loading;

/// <summary>
/// The exceptions that stop a load, thrown through small helpers (the read loops stay small and the texts stay in one
/// place); each names the source, and the line and column where there is one, through <see cref="LoadSession.SourceError"/>.
/// </summary>
[StackTraceHidden]
internal static class LoadThrow
{
    /// <summary>The source has no header (nor, for JSON, any object).</summary>
    [DoesNotReturn]
    public static void DataLoadException_EmptySource(LoadSession session) => throw session.SourceError(
        0,
        null,
        null,
        "the source is empty",
        "a header line naming the columns, then one line per row (or, for JSON, at least one object)",
        null);

    /// <summary>The file (or its folder) does not exist.</summary>
    [DoesNotReturn]
    public static void DataLoadException_FileMissing(LoadSession session, string path) => throw session.SourceError(
        0,
        null,
        null,
        "the file does not exist",
        $"a readable file at '{Path.GetFullPath(path)}'",
        "Check the path; a relative path is resolved against the current directory (" + Environment.CurrentDirectory + ").");

    /// <summary>The source cannot be read on; an error without a line of its own (damaged gzip) gets <paramref name="lineReached"/>.</summary>
    [DoesNotReturn]
    public static void DataLoadException_SourceFormat(LoadSession session, SourceFormatException ex, long lineReached) =>
        throw session.SourceError(ex.Line > 0 ? ex.Line : lineReached, null, null, ex.Problem, ex.Expected, ex.Hint);

    /// <summary>
    /// Required columns missing or fields named by two columns: every one is listed (line 1, the column's header), the
    /// hint naming the option that maps a header or the separator that would find it.
    /// </summary>
    [DoesNotReturn]
    public static void DataLoadException_Columns(LoadSession session, ColumnBinder binder, TabularReader reader)
    {
        DataLoadException? error = null;
        foreach (var ambiguous in binder.Ambiguous)
        {
            var (problem, hint) = binder.Describe(ambiguous, reader.Headers[ambiguous.First]);
            error = session.SourceError(1, reader.Headers[ambiguous.First], null, problem, "one column per field", hint);
        }

        foreach (var (names, map, field) in binder.Missing)
        {
            error = session.SourceError(
                1,
                names[0],
                null,
                $"the required column '{names[0]}' is missing; headers found: {binder.HeadersFound}",
                $"a column named {ColumnBinder.Alternatives(names)} (any case)",
                binder.SeparatorHint(session.Options) is { } separator
                    ? new HintParts(null, LoadRemedy.Separator, separator)
                    : new HintParts(null, LoadRemedy.ColumnMap, $"Map your header: LoadOptions.{map} = {map}.Default with {{ {field} = [\"your header\"] }}."));
        }

        throw error!;
    }
}
