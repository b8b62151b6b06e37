using System.Text.Json;

namespace CustomerAnalytics.Loading;

/// <summary>
/// JSON rows read with <see cref="Utf8JsonReader"/>, streaming: a JSON array of objects, or JSON Lines (one object per
/// line). Property names play the part of headers (those of the first object; later names are added as seen); string
/// values are unescaped, numbers and booleans are read as written, <c>null</c> is an absent value.
/// </summary>
internal sealed class JsonTabularReader : TabularReader
{
    private const int InitialBufferSize = 64 * 1024;
    private const int MinimumRoom = 16 * 1024;

    private readonly ByteSource _source;
    private readonly bool _lines;
    private readonly List<string> _headers = [];
    private readonly Dictionary<string, int> _headerIndexes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Utf8Interner _names = new();

    // Input window: bytes [_start, _end) of _buffer are unread; _scan is where line counting has reached (line _scanLine).
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private int _scan;
    private long _scanLine = 1;
    private bool _final;
    private bool _begun;
    private JsonReaderState _state;

    // Array mode parse state.
    private bool _arrayOpen;
    private bool _arrayDone;
    private bool _inObject;
    private int _nestedDepth;
    private int _property = -1;

    // The current row.
    private byte[] _row = new byte[1024];
    private int _rowLength;
    private (int Start, int Length)[] _fields = new (int, int)[16];

    // Which columns the current object has set (stamped with its row number), and under which property name.
    private int[] _setInRow = new int[16];
    private string[] _setAs = new string[16];
    private int _rowNumber;
    private long _line;
    private RowProblem? _problem;

    // Rows read before the first good one (whose properties become the headers), and that good row, waiting to be read.
    private readonly Queue<(long Line, RowProblem Problem)> _brokenBeforeHeader = new();
    private bool _pending;
    private long _pendingLine;
    private RowProblem? _pendingProblem;

    private JsonTabularReader(ByteSource source, bool lines, bool atSourceStart = true)
    {
        _source = source;
        _lines = lines;
        _begun = !atSourceStart;
    }

    public override IReadOnlyList<string> Headers => _headers;

    public override long Line => _line;

    /// <summary>The line breaks read so far (JSON Lines): those of a part that ends with one.</summary>
    public long LineBreaksRead => _scanLine - 1;

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
        while (ReadNext())
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
        while (await ReadNextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (TakeAsHeader())
            {
                return true;
            }
        }

        return NoGoodRow();
    }

    public override bool Read() => TakeWaiting() || ReadNext();

    public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken) =>
        TakeWaiting() || await ReadNextAsync(cancellationToken).ConfigureAwait(false);

    private bool TakeAsHeader()
    {
        if (_problem is not { Unreadable: true } problem)
        {
            // A whole object, even one rejected for a value (nested, not valid text), names its properties.
            _pending = true;
            FirstHeaders = [.. _headers];
            _pendingLine = _line;
            _pendingProblem = _problem;
            return true;
        }

        _brokenBeforeHeader.Enqueue((_line, problem));
        _headers.Clear();
        _headerIndexes.Clear();
        return false;
    }

    /// <summary>The end came before any good row: empty, or every row broken (reported as such, not as missing columns).</summary>
    private bool NoGoodRow()
    {
        if (_brokenBeforeHeader.TryPeek(out var first))
        {
            var line = first.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new SourceFormatException(first.Line, $"no row is a JSON object that can be read (the first, on line {line}: {first.Problem.Problem})", RowExpected, null);
        }

        return false;
    }

    /// <summary>Makes the next row waiting from <see cref="ReadHeader"/> current: the broken ones, then the first good one.</summary>
    private bool TakeWaiting()
    {
        if (_brokenBeforeHeader.TryDequeue(out var broken))
        {
            (_line, _problem) = broken;
            return true;
        }

        if (_pending)
        {
            _pending = false;
            _line = _pendingLine;
            _problem = _pendingProblem;
            return true;
        }

        return false;
    }

    private bool ReadNext()
    {
        while (true)
        {
            var status = Pump();
            if (status != Status.NeedMore)
            {
                return status == Status.Row;
            }

            Fill(_source.Read(Room()));
        }
    }

    private async ValueTask<bool> ReadNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var status = Pump();
            if (status != Status.NeedMore)
            {
                return status == Status.Row;
            }

            Fill(await _source.ReadAsync(RoomMemory(), cancellationToken).ConfigureAwait(false));
        }
    }

    public override int AddColumn(IReadOnlyList<string> names)
    {
        var index = HeaderIndex(names[0]);
        AddAliases(names, index);
        return index;
    }

    public override void AddAliases(IReadOnlyList<string> names, int index)
    {
        foreach (var name in names)
        {
            // A later object may write any accepted name: each leads to the same column (unless it is a column already).
            _headerIndexes.TryAdd(name.Trim(), index);
        }
    }

    public override ReadOnlySpan<byte> Field(int index)
    {
        if ((uint)index >= (uint)_headers.Count)
        {
            return default;
        }

        var (start, length) = _fields[index];
        return length <= 0 ? default : _row.AsSpan(start, length);
    }

    public override bool CheckShape(LoadSession session)
    {
        if (_problem is not { } problem)
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
            _source.Dispose();
        }
    }

    private const string RowExpected = "a JSON object whose values are strings, numbers, booleans or null";
    private const string InvalidTextProblem = "is not valid text (a lone UTF-16 surrogate escape such as \\udc00, or bytes that are not UTF-8)";
    private const string InvalidTextExpected = "text in UTF-8; a character beyond U+FFFF is escaped as a surrogate pair such as \\ud83d\\ude00";

    private enum Status
    {
        Row,
        End,
        NeedMore,
    }

    private Status Pump()
    {
        if (!_begun)
        {
            // Wait for enough bytes to see (and skip) a UTF-8 byte order mark.
            if (_end - _start < 3 && !_final)
            {
                return Status.NeedMore;
            }

            _begun = true;
            if (_buffer.AsSpan(_start, _end - _start).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                _start += 3;
                _scan = _start;
            }
        }

        return _lines ? PumpLine() : PumpArray();
    }

    private Status PumpLine()
    {
        while (true)
        {
            var unread = _buffer.AsSpan(_start, _end - _start);
            // CR, LF and CR LF each end a line (as CsvHelper counts lines); a CR last in the window waits for what follows.
            var newline = unread.IndexOfAny((byte)'\n', (byte)'\r');
            if ((newline < 0 || (newline == unread.Length - 1 && unread[newline] == (byte)'\r')) && !_final)
            {
                return Status.NeedMore;
            }

            if (newline < 0 && unread.IsEmpty)
            {
                return Status.End;
            }

            var length = newline < 0 ? unread.Length : newline;
            var breakLength = newline < 0 ? 0 : unread[newline..].StartsWith("\r\n"u8) ? 2 : 1;
            var line = unread[..length];
            _start += length + breakLength;
            _scan = _start;
            var number = _scanLine++;
            if (FieldParsers.Trim(line).IsEmpty)
            {
                continue;
            }

            BeginRow(number);
            var reader = new Utf8JsonReader(line, isFinalBlock: true, default);
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    _problem = new RowProblem("the line does not hold a JSON object") { Unreadable = true };
                    return Status.Row;
                }

                _inObject = true;
                while (_inObject && reader.Read())
                {
                    ObjectToken(ref reader);
                }

                if (reader.Read())
                {
                    _problem = new RowProblem("the line holds more than one JSON value") { Unreadable = true };
                }
            }
            catch (JsonException ex)
            {
                _problem = new RowProblem(Malformed(ex)) { Unreadable = true };
            }

            _inObject = false;
            _nestedDepth = 0;
            return Status.Row;
        }
    }

    private Status PumpArray()
    {
        if (_arrayDone || !_arrayOpen)
        {
            // Before the array only white space may come (then the source is empty); after it, nothing else.
            var unread = _buffer.AsSpan(_start, _end - _start);
            var text = unread.IndexOfAnyExcept(" \t\r\n"u8);
            if (text >= 0 && _arrayDone)
            {
                throw new SourceFormatException(LineAt(_start + text), "data follows the end of the JSON array", "one JSON array of objects and nothing after its closing ']' but white space", "Join the arrays into one; for one object per line use DataFormat.JsonLines (files named .jsonl or .ndjson).");
            }

            if (text < 0)
            {
                LineAt(_end);
                _start = _end;
                return _final ? Status.End : Status.NeedMore;
            }
        }

        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        var status = Status.NeedMore;
        try
        {
            while (status == Status.NeedMore && reader.Read())
            {
                status = ArrayToken(ref reader);
            }
        }
        catch (JsonException ex)
        {
            throw new SourceFormatException((ex.LineNumber ?? 0) + 1, Malformed(ex), "a JSON array of objects", "A syntax error ends the source in every mode; JSON Lines (one object per line) can reject a bad line and go on.", ex);
        }

        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        if (_arrayDone)
        {
            return PumpArray();
        }

        if (status == Status.NeedMore && _final)
        {
            if (!_arrayOpen)
            {
                return Status.End;
            }

            throw new SourceFormatException(LineAt(_end), "the JSON ends before the array is closed", "a JSON array of objects ending with ']'", null);
        }

        return status;
    }

    /// <summary>The reader's message without its 0-based position suffix, with the 1-based byte of the line instead.</summary>
    private static string Malformed(JsonException ex)
    {
        var message = ex.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            message = message[..suffix];
        }

        var at = ex.BytePositionInLine is { } position ? $" at byte {(position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} of the line" : string.Empty;
        return $"malformed JSON{at}: {message.TrimEnd('.')}";
    }

    private Status ArrayToken(ref Utf8JsonReader reader)
    {
        if (_inObject)
        {
            ObjectToken(ref reader);
            return _inObject ? Status.NeedMore : Status.Row;
        }

        if (_nestedDepth > 0)
        {
            // Skipping an array element that is not an object.
            Nest(reader.TokenType);
            return _nestedDepth == 0 ? Status.Row : Status.NeedMore;
        }

        if (!_arrayOpen)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new SourceFormatException(LineAt(_start + (int)reader.TokenStartIndex), "the JSON does not start with an array", "a JSON array of objects, [ {…}, {…} ]", "For one object per line use DataFormat.JsonLines (files named .jsonl or .ndjson).");
            }

            _arrayOpen = true;
            return Status.NeedMore;
        }

        BeginRow(LineAt(_start + (int)reader.TokenStartIndex));
        switch (reader.TokenType)
        {
            case JsonTokenType.EndArray:
                _arrayDone = true;
                return Status.End;
            case JsonTokenType.StartObject:
                _inObject = true;
                return Status.NeedMore;
            case JsonTokenType.StartArray:
                _problem = new RowProblem("the array element is not an object") { Unreadable = true };
                _nestedDepth = 1;
                return Status.NeedMore;
            default:
                _problem = new RowProblem("the array element is not an object") { Unreadable = true };
                return Status.Row;
        }
    }

    /// <summary>One token inside a row object; clears <see cref="_inObject"/> at its end.</summary>
    private void ObjectToken(ref Utf8JsonReader reader)
    {
        if (_nestedDepth > 0)
        {
            Nest(reader.TokenType);
            return;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                _property = PropertyIndex(ref reader);
                break;
            case JsonTokenType.String:
                SetString(ref reader);
                break;
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                SetField(reader.ValueSpan);
                break;
            case JsonTokenType.Null when _property >= 0:
                _fields[_property] = (0, 0);
                break;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                _problem ??= new RowProblem(_property >= 0 ? $"the property '{_headers[_property]}' holds a nested object or array" : "a property holds a nested object or array");
                _nestedDepth = 1;
                break;
            case JsonTokenType.EndObject:
                _inObject = false;
                break;
        }
    }

    private void Nest(JsonTokenType token)
    {
        if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _nestedDepth++;
        }
        else if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
        {
            _nestedDepth--;
        }
    }

    /// <summary>The column of a property name; −1 (the row rejected) when the name is not valid text.</summary>
    private int PropertyIndex(ref Utf8JsonReader reader)
    {
        string name;
        if (reader.ValueIsEscaped)
        {
            Span<byte> unescaped = reader.ValueSpan.Length <= 256 ? stackalloc byte[reader.ValueSpan.Length] : new byte[reader.ValueSpan.Length];
            if (!TryUnescape(ref reader, unescaped, out var length))
            {
                _problem ??= new RowProblem("a property name " + InvalidTextProblem, null, RawValue(ref reader), InvalidTextExpected);
                return -1;
            }

            name = _names.Intern(unescaped[..length]);
        }
        else
        {
            name = _names.Intern(reader.ValueSpan);
        }

        return Claim(HeaderIndex(name), name);
    }

    /// <summary>Marks a column set by the current object; a second property of the same column rejects the row.</summary>
    private int Claim(int index, string name)
    {
        if (_setInRow[index] == _rowNumber)
        {
            var names = string.Equals(_setAs[index], name, StringComparison.Ordinal) ? string.Empty : $" (as '{_setAs[index]}' and '{name}')";
            _problem ??= new RowProblem($"the property '{name}' appears twice in the object{names}", _headers[index], null, "each property once in an object");
            return index;
        }

        _setInRow[index] = _rowNumber;
        _setAs[index] = name;
        return index;
    }

    private int HeaderIndex(string name)
    {
        if (_headerIndexes.TryGetValue(name, out var index))
        {
            return index;
        }

        // Names are matched ignoring surrounding white space, as the headers they become are (" qty " is "qty").
        var trimmed = name.Trim();
        if (!_headerIndexes.TryGetValue(trimmed, out index))
        {
            index = _headers.Count;
            _headerIndexes.Add(trimmed, index);
            _headers.Add(trimmed);
            if (_fields.Length < _headers.Count)
            {
                Array.Resize(ref _fields, _fields.Length * 2);
                Array.Resize(ref _setInRow, _fields.Length);
                Array.Resize(ref _setAs, _fields.Length);
            }

            _fields[index] = (0, 0);
        }

        _headerIndexes.TryAdd(name, index);
        return index;
    }

    private void SetString(ref Utf8JsonReader reader)
    {
        if (_property < 0)
        {
            return;
        }

        var length = reader.ValueSpan.Length;
        EnsureRowRoom(length);
        var written = length;
        if (!reader.ValueIsEscaped)
        {
            Copy(reader.ValueSpan);
        }
        else if (!TryUnescape(ref reader, _row.AsSpan(_rowLength), out written))
        {
            _problem ??= new RowProblem("the string " + InvalidTextProblem, _headers[_property], RawValue(ref reader), InvalidTextExpected);
            return;
        }

        _fields[_property] = (_rowLength, written);
        _rowLength += written;
    }

    /// <summary>
    /// Unescapes a string; false when it does not make valid text: a lone surrogate escape (<c>\udc00</c>), or invalid
    /// UTF-8 beside an escape (which the reader checks as it unescapes).
    /// </summary>
    private static bool TryUnescape(ref Utf8JsonReader reader, scoped Span<byte> destination, out int written)
    {
        try
        {
            written = reader.CopyString(destination);
            return true;
        }
        catch (InvalidOperationException)
        {
            written = 0;
            return false;
        }
    }

    private static string RawValue(ref Utf8JsonReader reader) => System.Text.Encoding.UTF8.GetString(reader.ValueSpan);

    private void SetField(ReadOnlySpan<byte> value)
    {
        if (_property < 0)
        {
            return;
        }

        EnsureRowRoom(value.Length);
        _fields[_property] = (_rowLength, Copy(value));
        _rowLength += value.Length;
    }

    private int Copy(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_row.AsSpan(_rowLength));
        return value.Length;
    }

    private void EnsureRowRoom(int length)
    {
        if (_rowLength + length > _row.Length)
        {
            Array.Resize(ref _row, Math.Max(_row.Length * 2, _rowLength + length));
        }
    }

    private void BeginRow(long line)
    {
        _line = line;
        _rowLength = 0;
        _problem = null;
        _property = -1;
        _rowNumber++;
        _fields.AsSpan(0, _headers.Count).Clear();
    }

    /// <summary>The 1-based line of a position of the buffer at or after the last one asked for.</summary>
    private long LineAt(int position)
    {
        if (position > _scan)
        {
            _scanLine += _buffer.AsSpan(_scan, position - _scan).Count((byte)'\n');
            _scan = position;
        }

        return _scanLine;
    }

    /// <summary>Makes room at the end of the buffer: moves the unread bytes to the front, grows it when they fill it.</summary>
    private Span<byte> Room() => RoomMemory().Span;

    private Memory<byte> RoomMemory()
    {
        if (_start > 0)
        {
            LineAt(_start);
            var unread = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
            _scan -= _start;
            _end = unread;
            _start = 0;
        }

        if (_buffer.Length - _end < MinimumRoom)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        return _buffer.AsMemory(_end);
    }

    private void Fill(int count)
    {
        if (count == 0)
        {
            _final = true;
        }

        _end += count;
    }

    /// <summary>Why a row cannot be read: the problem, and the property and raw value at fault when there is one.</summary>
    private readonly record struct RowProblem(string Problem, string? Column = null, string? Value = null, string Expected = RowExpected)
    {
        /// <summary>Whether the row is no whole object (malformed, not an object), so its property names are not headers.</summary>
        public bool Unreadable { get; init; }
    }
}
