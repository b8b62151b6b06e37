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
    private long _line;
    private string? _rowProblem;
    private bool _pending;

    private JsonTabularReader(ByteSource source, bool lines)
    {
        _source = source;
        _lines = lines;
    }

    public override IReadOnlyList<string> Headers => _headers;

    public override long Line => _line;

    public static TabularReader Create(Stream stream, bool leaveOpen, bool lines) => new JsonTabularReader(ByteSource.From(stream, leaveOpen), lines);

    public static TabularReader Create(TextReader reader, bool lines) => new JsonTabularReader(ByteSource.From(reader), lines);

    public override bool ReadHeader()
    {
        _pending = Read();
        return _pending;
    }

    public override async ValueTask<bool> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        _pending = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return _pending;
    }

    public override bool Read()
    {
        if (_pending)
        {
            _pending = false;
            return true;
        }

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

    public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (_pending)
        {
            _pending = false;
            return true;
        }

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

    public override int AddColumn(string name) => HeaderIndex(name.Trim());

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
        if (_rowProblem is null)
        {
            return true;
        }

        session.RowError(null, (string?)null, _rowProblem, "a JSON object whose values are strings, numbers, booleans or null", null);
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
        }
    }

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
            var newline = unread.IndexOf((byte)'\n');
            if (newline < 0 && !_final)
            {
                return Status.NeedMore;
            }

            if (newline < 0 && unread.IsEmpty)
            {
                return Status.End;
            }

            var length = newline < 0 ? unread.Length : newline;
            var line = unread[..length];
            _start += newline < 0 ? length : length + 1;
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
                    _rowProblem = "the line does not hold a JSON object";
                    return Status.Row;
                }

                _inObject = true;
                while (_inObject && reader.Read())
                {
                    ObjectToken(ref reader);
                }

                if (reader.Read())
                {
                    _rowProblem = "the line holds more than one JSON value";
                }
            }
            catch (JsonException ex)
            {
                _rowProblem = Malformed(ex);
            }

            _inObject = false;
            _nestedDepth = 0;
            return Status.Row;
        }
    }

    private Status PumpArray()
    {
        if (_arrayDone)
        {
            return Status.End;
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
                _arrayOpen = false;
                return Status.End;
            case JsonTokenType.StartObject:
                _inObject = true;
                return Status.NeedMore;
            case JsonTokenType.StartArray:
                _rowProblem = "the array element is not an object";
                _nestedDepth = 1;
                return Status.NeedMore;
            default:
                _rowProblem = "the array element is not an object";
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
            case JsonTokenType.Null:
                _fields[_property] = (0, 0);
                break;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                _rowProblem ??= $"the property '{_headers[_property]}' holds a nested object or array";
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

    private int PropertyIndex(ref Utf8JsonReader reader)
    {
        string name;
        if (reader.ValueIsEscaped)
        {
            Span<byte> unescaped = reader.ValueSpan.Length <= 256 ? stackalloc byte[reader.ValueSpan.Length] : new byte[reader.ValueSpan.Length];
            name = _names.Intern(unescaped[..reader.CopyString(unescaped)]);
        }
        else
        {
            name = _names.Intern(reader.ValueSpan);
        }

        return HeaderIndex(name);
    }

    private int HeaderIndex(string name)
    {
        if (!_headerIndexes.TryGetValue(name, out var index))
        {
            index = _headers.Count;
            _headerIndexes.Add(name, index);
            _headers.Add(name.Trim());
            if (_fields.Length < _headers.Count)
            {
                Array.Resize(ref _fields, _fields.Length * 2);
            }

            _fields[index] = (0, 0);
        }

        return index;
    }

    private void SetString(ref Utf8JsonReader reader)
    {
        var length = reader.ValueSpan.Length;
        EnsureRowRoom(length);
        var written = reader.ValueIsEscaped ? reader.CopyString(_row.AsSpan(_rowLength)) : Copy(reader.ValueSpan);
        _fields[_property] = (_rowLength, written);
        _rowLength += written;
    }

    private void SetField(ReadOnlySpan<byte> value)
    {
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
        _rowProblem = null;
        _property = -1;
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
}
