using System.Text;
using CustomerAnalytics.Enrichment.Staging;

namespace CustomerAnalytics.Loading;

/// <summary>The state of one load: options, counters and the problems found so far.</summary>
internal sealed class LoadSession
{
    // One kind for every diagnostic: the limit is on all of them together.
    private readonly IssueCollector<int, LoadDiagnostic> _problems;
    private bool _rowFailed;

    public LoadSession(string source, LoadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(source);
        Options = options ?? LoadOptions.Default;
        Options.Validate();
        Source = source;
        _problems = new IssueCollector<int, LoadDiagnostic>(Options.MaxReportedProblems, static _ => 0);
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
        Warnings.EndRow(!_rowFailed);
        if (_rowFailed)
        {
            RowsRejected++;
            return false;
        }

        RowsLoaded++;
        return true;
    }

    /// <summary>What was kept with a warning (rounded amounts, adjustments, guest lines), counted and sampled.</summary>
    public LoadWarnings Warnings { get; } = new();

    /// <summary>Reports a problem of the current row with its raw UTF-8 value.</summary>
    public void RowError(string column, ReadOnlySpan<byte> value, string problem, string expected, HintParts hint = default) =>
        RowError(column, Options.IncludeValuesInDiagnostics ? Encoding.UTF8.GetString(value) : null, problem, expected, hint);

    /// <summary>Reports a problem of the current row; a hint to load leniently is dropped when the load is lenient already.</summary>
    public void RowError(string? column, string? value, string problem, string expected, HintParts hint = default)
    {
        _rowFailed = true;
        var remedy = Options.Mode == LoadMode.Lenient ? hint.Remedy & ~LoadRemedy.Lenient : hint.Remedy;
        Add(Diagnostic(CurrentLine, column, value, problem, expected, hint with { Remedy = remedy }));
    }

    /// <summary>Reports something odd about the current row that does not reject it (nor fail a strict load).</summary>
    public void RowWarning(string column, ReadOnlySpan<byte> value, string problem, string expected, HintParts hint) =>
        Add(Diagnostic(CurrentLine, column, Encoding.UTF8.GetString(value), problem, expected, hint) with { Severity = DiagnosticSeverity.Warning });

    /// <summary>A problem of the whole source: nothing can be loaded, so it throws in every mode (and loading leniently cannot help).</summary>
    /// <remarks>Listed even beyond <see cref="LoadOptions.MaxReportedProblems"/>: it is why the load stops.</remarks>
    public DataLoadException SourceError(long line, string? column, string? value, string problem, string expected, HintParts hint = default)
    {
        TotalProblems++;
        _problems.List(Diagnostic(line, column, value, problem, expected, hint with { Remedy = hint.Remedy & ~LoadRemedy.Lenient }));
        return new DataLoadException(Errors(), TotalProblems, lenientWouldHelp: false);
    }

    /// <summary>In strict mode, throws when any problem was found; returns the report otherwise.</summary>
    public LoadReport Finish()
    {
        if (TotalProblems > 0 && Options.Mode == LoadMode.Strict)
        {
            throw new DataLoadException(Errors(), TotalProblems, lenientWouldHelp: true);
        }

        return new LoadReport(Source, RowsRead, RowsLoaded, RowsRejected, [.. _problems.Listed, .. Warnings.Diagnostics(Source, Options)])
        {
            MoneyValuesRounded = Warnings.Count(LoadWarningKind.MoneyRounded),
            NegativePricesKept = Warnings.Count(LoadWarningKind.NegativePrice),
            GuestLines = Warnings.Count(LoadWarningKind.GuestLine),
        };
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
        TotalProblems += part.TotalProblems;
        Warnings.Absorb(part.Warnings, lineOffset);
        _problems.Absorb(part._problems, diagnostic => diagnostic with { Line = diagnostic.Line + lineOffset });
    }

    /// <summary>The errors listed: what an exception reports (warnings are no reason a load fails).</summary>
    private LoadDiagnostic[] Errors() => [.. _problems.Listed.Where(d => d.Severity == DiagnosticSeverity.Error)];

    /// <summary>A diagnostic whose hint is worded for the API and whose parts let a host word it (<see cref="LoadDiagnostic.HintIn"/>).</summary>
    private LoadDiagnostic Diagnostic(long line, string? column, string? value, string problem, string expected, HintParts hint)
    {
        return new LoadDiagnostic(Source, line, column, Options.IncludeValuesInDiagnostics ? value : null, problem, expected, LoadHints.Compose(hint))
        {
            Advice = hint.Remedy == LoadRemedy.None ? null : hint.Advice,
            Remedy = hint.Remedy,
        };
    }

    /// <summary>Lists a diagnostic (up to the limit); only errors count as problems (a warning fails no load).</summary>
    private void Add(LoadDiagnostic diagnostic)
    {
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            TotalProblems++;
        }

        if (_problems.Count(0))
        {
            _problems.List(diagnostic);
        }
    }
}
