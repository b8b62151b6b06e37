using System.Globalization;
using System.Text;
using CsvHelper;

namespace CustomerAnalytics.Loading;

/// <summary>CSV through CsvHelper's low-level reader: UTF-8 spans, line numbers tracked, blank lines skipped.</summary>
internal sealed class CsvTabularReader : TabularReader
{
    private readonly CsvReader _csv;
    private readonly CsvPartEnd? _partEnd;
    private string[] _headers = [];

    private CsvTabularReader(CsvReader csv, CsvPartEnd? partEnd = null)
    {
        _csv = csv;
        _partEnd = partEnd;
    }

    public override IReadOnlyList<string> Headers => _headers;

    public override long Line => _csv.LineNumber;

    /// <summary>Whether a diagnostic names lines in its text (an unclosed quote's "lines 2–4"), which a part cannot shift.</summary>
    public bool LinesInProblemText { get; private set; }

    /// <summary>The byte offset of the input where the current record starts.</summary>
    public long ByteOffset => _csv.ByteOffset;

    public static CsvTabularReader Create(Stream stream, LoadOptions options, bool leaveOpen) =>
        new(CsvReader.Create(stream, ReaderOptions(options), leaveOpen));

    /// <summary>A reader of a part of a file followed by <paramref name="partEnd"/>'s marker, which it checks and does not return.</summary>
    public static CsvTabularReader Create(Stream stream, LoadOptions options, CsvPartEnd partEnd) =>
        new(CsvReader.Create(stream, ReaderOptions(options), leaveOpen: true), partEnd);

    public static CsvTabularReader Create(TextReader reader, LoadOptions options, bool leaveOpen) =>
        new(CsvReader.Create(reader, ReaderOptions(options), leaveOpen));

    public override bool ReadHeader()
    {
        _csv.ReadHeader();
        return SetHeaders();
    }

    public override async ValueTask<bool> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        await _csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        return SetHeaders();
    }

    public override bool Read() => _csv.Read() && IsPartRecord();

    public override ValueTask<bool> ReadAsync(CancellationToken cancellationToken) =>
        _partEnd is null ? _csv.ReadAsync(cancellationToken) : ReadPartAsync(cancellationToken);

    public override ReadOnlySpan<byte> Field(int index) => _csv.GetSpan(index);

    public override bool CheckShape(LoadSession session)
    {
        // An unclosed quote swallows the separators after it too: report it rather than the field count it causes.
        if (SpansLines() && HasUnclosedQuote(session))
        {
            return false;
        }

        var count = _csv.FieldCount;
        if (count == _headers.Length)
        {
            return true;
        }

        session.RowError(
            null,
            Encoding.UTF8.GetString(_csv.RawRecord),
            $"the row has {count} field{(count == 1 ? string.Empty : "s")} but the header has {_headers.Length}",
            $"{_headers.Length} fields separated by '{_csv.Separator}'",
            new HintParts("Quote values that contain the separator, a quote or a line break (\"a, b\")", LoadRemedy.Separator, "check LoadOptions.Separator."));
        return false;
    }

    private async ValueTask<bool> ReadPartAsync(CancellationToken cancellationToken) =>
        await _csv.ReadAsync(cancellationToken).ConfigureAwait(false) && IsPartRecord();

    private bool IsPartRecord() => _partEnd is null || _partEnd.IsPartRecord(_csv.ByteOffset, _csv.RawRecord, _csv.LineNumber);

    /// <summary>Whether the record holds a line break (inside quotes): only such records can hide an unclosed quote.</summary>
    private bool SpansLines() => _csv.RawRecord.IndexOfAny((byte)'\n', (byte)'\r') >= 0;

    /// <summary>
    /// A quoted field that is never closed runs to the end of the input (CsvHelper recovers so): report the record,
    /// which holds the lines that follow, instead of letting them vanish.
    /// </summary>
    private bool HasUnclosedQuote(LoadSession session)
    {
        for (var i = 0; i < _csv.FieldCount; i++)
        {
            var raw = FieldParsers.Trim(_csv.GetRawSpan(i));
            if (raw.Length > 0 && raw[0] == (byte)'"' && (raw.Length == 1 || raw[^1] != (byte)'"' || !ClosesQuote(raw)))
            {
                var record = _csv.RawRecord;
                // The line break that ends the input ends the last line; it does not start another.
                var lastLine = _csv.LineNumber + record.Count((byte)'\n') - (record.Length > 0 && record[^1] == (byte)'\n' ? 1 : 0);
                LinesInProblemText = true;
                session.RowError(
                    i < _headers.Length ? _headers[i] : null,
                    Encoding.UTF8.GetString(record[..Math.Min(record.Length, 200)]),
                    $"a quoted field is never closed, so lines {_csv.LineNumber.ToString(CultureInfo.InvariantCulture)}–{lastLine.ToString(CultureInfo.InvariantCulture)} were read as one value",
                    "a closing quote after the value; a quote inside a quoted value is written twice (\"\")",
                    null);
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a field that starts with a quote ends with a closing quote (not an escaped one).</summary>
    private static bool ClosesQuote(ReadOnlySpan<byte> raw)
    {
        var quotes = 0;
        for (var i = raw.Length - 1; i > 0 && raw[i] == (byte)'"'; i--)
        {
            quotes++;
        }

        // "…x" ends with one quote, "…x""" with three: an odd run closes the field.
        return quotes % 2 == 1;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _csv.Dispose();
        }
    }

    private bool SetHeaders()
    {
        var headers = _csv.Headers;
        _headers = new string[headers.Count];
        for (var i = 0; i < _headers.Length; i++)
        {
            _headers[i] = headers[i].Trim().TrimStart('\uFEFF').Trim();
        }

        return _headers.Length > 0 && !(_headers.Length == 1 && _headers[0].Length == 0);
    }

    private static CsvReaderOptions ReaderOptions(LoadOptions options) => CsvReaderOptions.Default with
    {
        Separator = options.Separator,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        IncludeValuesInExceptions = options.IncludeValuesInDiagnostics,
    };
}
