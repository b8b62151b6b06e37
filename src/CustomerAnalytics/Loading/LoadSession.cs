using System.Text;

namespace CustomerAnalytics.Loading;

/// <summary>The state of one load: options, counters and the problems found so far.</summary>
internal sealed class LoadSession
{
    private readonly List<LoadDiagnostic> _listed = [];
    private bool _rowFailed;

    public LoadSession(string source, LoadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(source);
        Options = options ?? LoadOptions.Default;
        Options.Validate();
        Source = source;
    }

    public string Source { get; }

    public LoadOptions Options { get; }

    public long RowsRead { get; private set; }

    public long RowsLoaded { get; private set; }

    public long RowsRejected { get; private set; }

    /// <summary>How many problems were found in all (listed or not).</summary>
    public int TotalProblems { get; private set; }

    /// <summary>The line of the row being read (for problems reported without a line of their own).</summary>
    public long CurrentLine { get; private set; }

    /// <summary>Whether an error was reported for the current row.</summary>
    public bool RowFailed => _rowFailed;

    public void BeginRow(long line)
    {
        RowsRead++;
        CurrentLine = line;
        _rowFailed = false;
    }

    /// <summary>Ends the row; returns whether it is good (no error reported since <see cref="BeginRow"/>).</summary>
    public bool EndRow()
    {
        if (_rowFailed)
        {
            RowsRejected++;
            return false;
        }

        RowsLoaded++;
        return true;
    }

    /// <summary>Reports a problem of the current row with its raw UTF-8 value.</summary>
    public void RowError(string column, ReadOnlySpan<byte> value, string problem, string expected, string? hint = null) =>
        RowError(column, Options.IncludeValuesInDiagnostics ? Encoding.UTF8.GetString(value) : null, problem, expected, hint);

    /// <summary>Reports a problem of the current row.</summary>
    public void RowError(string? column, string? value, string problem, string expected, string? hint = null)
    {
        _rowFailed = true;
        Add(new LoadDiagnostic(Source, CurrentLine, column, Options.IncludeValuesInDiagnostics ? value : null, problem, expected, hint));
    }

    /// <summary>Reports something odd about the current row that does not reject it (nor fail a strict load).</summary>
    public void RowWarning(string column, ReadOnlySpan<byte> value, string problem, string expected, string? hint) =>
        Add(new LoadDiagnostic(Source, CurrentLine, column, Options.IncludeValuesInDiagnostics ? Encoding.UTF8.GetString(value) : null, problem, expected, hint, DiagnosticSeverity.Warning));

    /// <summary>A problem of the whole source: nothing can be loaded, so it throws in every mode.</summary>
    /// <remarks>Listed even beyond <see cref="LoadOptions.MaxReportedProblems"/>: it is why the load stops.</remarks>
    public DataLoadException SourceError(long line, string? column, string? value, string problem, string expected, string? hint = null)
    {
        TotalProblems++;
        _listed.Add(new LoadDiagnostic(Source, line, column, Options.IncludeValuesInDiagnostics ? value : null, problem, expected, hint));
        return new DataLoadException(Errors(), TotalProblems);
    }

    /// <summary>In strict mode, throws when any problem was found; returns the report otherwise.</summary>
    public LoadReport Finish()
    {
        if (TotalProblems > 0 && Options.Mode == LoadMode.Strict)
        {
            throw new DataLoadException(Errors(), TotalProblems);
        }

        return new LoadReport(Source, RowsRead, RowsLoaded, RowsRejected, [.. _listed]);
    }

    /// <summary>
    /// Adds the counts and problems of a load of a later part of the same source, whose line numbers are
    /// <paramref name="lineOffset"/> lower than the source's.
    /// </summary>
    public void Absorb(LoadSession part, long lineOffset)
    {
        RowsRead += part.RowsRead;
        RowsLoaded += part.RowsLoaded;
        RowsRejected += part.RowsRejected;
        TotalProblems += part.TotalProblems - part._listed.Count(d => d.Severity == DiagnosticSeverity.Error);
        foreach (var diagnostic in part._listed)
        {
            Add(diagnostic with { Line = diagnostic.Line + lineOffset });
        }
    }

    /// <summary>The errors listed: what an exception reports (warnings are no reason a load fails).</summary>
    private LoadDiagnostic[] Errors() => [.. _listed.Where(d => d.Severity == DiagnosticSeverity.Error)];

    /// <summary>Lists a diagnostic (up to the limit); only errors count as problems (a warning fails no load).</summary>
    private void Add(LoadDiagnostic diagnostic)
    {
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            TotalProblems++;
        }

        if (_listed.Count < Options.MaxReportedProblems)
        {
            _listed.Add(diagnostic);
        }
    }
}
