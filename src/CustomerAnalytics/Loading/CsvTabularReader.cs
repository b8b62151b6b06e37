using System.Text;
using CsvHelper;

namespace CustomerAnalytics.Loading;

/// <summary>CSV through CsvHelper's low-level reader: UTF-8 spans, line numbers tracked, blank lines skipped.</summary>
internal sealed class CsvTabularReader : TabularReader
{
    private readonly CsvReader _csv;
    private string[] _headers = [];

    private CsvTabularReader(CsvReader csv) => _csv = csv;

    public override IReadOnlyList<string> Headers => _headers;

    public override long Line => _csv.LineNumber;

    public static CsvTabularReader Create(Stream stream, LoadOptions options, bool leaveOpen) =>
        new(CsvReader.Create(stream, ReaderOptions(options), leaveOpen));

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

    public override bool Read() => _csv.Read();

    public override ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => _csv.ReadAsync(cancellationToken);

    public override ReadOnlySpan<byte> Field(int index) => _csv.GetSpan(index);

    public override bool CheckShape(LoadSession session)
    {
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
            "Quote values that contain the separator, a quote or a line break (\"a, b\"); check LoadOptions.Separator.");
        return false;
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
