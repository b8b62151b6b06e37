using System.Text.Json;

namespace CustomerAnalytics.Loading;

/// <summary>
/// JSON rows read with <see cref="Utf8JsonReader"/>, streaming: a JSON array of objects, or JSON Lines (one object per
/// line). Property names play the part of headers (those of the first object; later names are added as seen); string
/// values are unescaped, numbers and booleans are read as written, <c>null</c> is an absent value.
/// </summary>
/// <remarks>
/// The reader holds what a <see cref="TabularReader"/> promises (headers from the first good row, rows before it told
/// first); <see cref="JsonInput"/> holds the bytes, <see cref="JsonRowScanner"/> finds the rows in them and
/// <see cref="JsonRow"/> holds the columns and the current row.
/// </remarks>
internal sealed class JsonTabularReader : TabularReader
{
    private readonly JsonInput _input;
    private readonly JsonRow _row = new();
    private readonly JsonRowScanner _scanner;

    // Rows read before the first good one (whose properties become the headers), and that good row, waiting to be read.
    private readonly Queue<(long Line, JsonRowProblem Problem)> _brokenBeforeHeader = new();
    private bool _pending;
    private long _pendingLine;
    private JsonRowProblem? _pendingProblem;

    private JsonTabularReader(ByteSource source, bool lines, bool atSourceStart = true)
    {
        _input = new JsonInput(source, atSourceStart);
        _scanner = new JsonRowScanner(_input, _row, lines);
    }

    public override IReadOnlyList<string> Headers => _row.Headers;

    public override long Line => _row.Line;

    /// <summary>The line breaks read so far (JSON Lines): those of a part that ends with one.</summary>
    public long LineBreaksRead => _input.LineBreaksRead;

    /// <summary>The headers as <see cref="ReadHeader"/> found them (the first good object's properties), before later names were added.</summary>
    public string[]? FirstHeaders { get; private set; }

    public static TabularReader Create(Stream stream, bool leaveOpen, bool lines) => new JsonTabularReader(ByteSource.From(stream, leaveOpen), lines);

    /// <summary>
    /// A reader of JSON Lines from a stream; unless <paramref name="atSourceStart"/> (a later part of a parallel load),
    /// a byte order mark at its start is read as text, as a one-core load reads it there.
    /// </summary>
    public static JsonTabularReader Create(Stream stream, bool leaveOpen, bool lines, bool atSourceStart) => new(ByteSource.From(stream, leaveOpen), lines, atSourceStart);

    public static TabularReader Create(TextReader reader, bool lines) => new JsonTabularReader(ByteSource.From(reader), lines);

    /// <summary>
    /// Reads up to the first good row: its properties are the headers. Rows before it that cannot be read are kept to be
    /// read (and rejected) first, and leave no headers behind.
    /// </summary>
    public override bool ReadHeader()
    {
        while (_scanner.ReadNext())
        {
            if (TakeAsHeader())
            {
                return true;
            }
        }

        return NoGoodRow();
    }

    public override async ValueTask<bool> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        while (await _scanner.ReadNextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (TakeAsHeader())
            {
                return true;
            }
        }

        return NoGoodRow();
    }

    public override bool Read() => TakeWaiting() || _scanner.ReadNext();

    public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken) =>
        TakeWaiting() || await _scanner.ReadNextAsync(cancellationToken).ConfigureAwait(false);

    public override int AddColumn(IReadOnlyList<string> names)
    {
        var index = _row.HeaderIndex(names[0]);
        AddAliases(names, index);
        return index;
    }

    /// <summary>A later object may write any accepted name: each leads to the same column (unless it is a column already).</summary>
    public override void AddAliases(IReadOnlyList<string> names, int index) => _row.AddAliases(names, index);

    public override ReadOnlySpan<byte> Field(int index) => _row.Field(index);

    public override bool CheckShape(LoadSession session)
    {
        if (_row.Problem is not { } problem)
        {
            return true;
        }

        session.RowError(problem.Column, problem.Value, problem.Problem, problem.Expected, null);
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
        }
    }

    private bool TakeAsHeader()
    {
        if (_row.Problem is not { Unreadable: true } problem)
        {
            // A whole object, even one rejected for a value (nested, not valid text), names its properties.
            _pending = true;
            FirstHeaders = [.. _row.Headers];
            _pendingLine = _row.Line;
            _pendingProblem = _row.Problem;
            return true;
        }

        _brokenBeforeHeader.Enqueue((_row.Line, problem));
        _row.ClearHeaders();
        return false;
    }

    /// <summary>The end came before any good row: empty, or every row broken (reported as such, not as missing columns).</summary>
    private bool NoGoodRow()
    {
        if (_brokenBeforeHeader.TryPeek(out var first))
        {
            var line = first.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new SourceFormatException(first.Line, $"no row is a JSON object that can be read (the first, on line {line}: {first.Problem.Problem})", JsonRowProblem.RowExpected, null);
        }

        return false;
    }

    /// <summary>Makes the next row waiting from <see cref="ReadHeader"/> current: the broken ones, then the first good one.</summary>
    private bool TakeWaiting()
    {
        if (_brokenBeforeHeader.TryDequeue(out var broken))
        {
            (_row.Line, _row.Problem) = (broken.Line, broken.Problem);
            return true;
        }

        if (_pending)
        {
            _pending = false;
            _row.Line = _pendingLine;
            _row.Problem = _pendingProblem;
            return true;
        }

        return false;
    }
}
