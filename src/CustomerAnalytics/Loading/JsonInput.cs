namespace CustomerAnalytics.Loading;

/// <summary>
/// The input window of <see cref="JsonTabularReader"/>: the unread bytes of its source in a growing buffer, a UTF-8
/// byte order mark at the source's start skipped, and the line count of every position read so far.
/// </summary>
internal sealed class JsonInput(ByteSource source, bool atSourceStart) : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;
    private const int MinimumRoom = 16 * 1024;

    // Bytes [_start, _end) of _buffer are unread; _scan is where line counting has reached (line _scanLine).
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private int _scan;
    private long _scanLine = 1;
    private bool _begun = !atSourceStart;

    /// <summary>Whether the source has ended: <see cref="Unread"/> is all there is.</summary>
    public bool Final { get; private set; }

    /// <summary>The bytes read from the source and not consumed yet.</summary>
    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(_start, _end - _start);

    /// <summary>The line breaks read so far (JSON Lines): those of a part that ends with one.</summary>
    public long LineBreaksRead => _scanLine - 1;

    /// <summary>
    /// Skips a byte order mark at the source's start, once; <see langword="false"/> while too few bytes have come to
    /// tell (then read more).
    /// </summary>
    public bool TryBegin()
    {
        if (_begun)
        {
            return true;
        }

        if (_end - _start < 3 && !Final)
        {
            return false;
        }

        _begun = true;
        if (Unread.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start += 3;
            _scan = _start;
        }

        return true;
    }

    /// <summary>Consumes <paramref name="count"/> bytes whose line breaks are counted when a later position is asked for.</summary>
    public void Consume(int count) => _start += count;

    /// <summary>Consumes a line of <paramref name="count"/> bytes with its line break; returns its 1-based number.</summary>
    public long TakeLine(int count)
    {
        _start += count;
        _scan = _start;
        return _scanLine++;
    }

    /// <summary>Consumes every unread byte, counting its lines.</summary>
    public void ConsumeAll()
    {
        LineAt(_end);
        _start = _end;
    }

    /// <summary>The 1-based line of the unread byte at <paramref name="offset"/>, at or after the last one asked for.</summary>
    public long LineOf(int offset) => LineAt(_start + offset);

    /// <summary>The 1-based line of the end of the unread bytes.</summary>
    public long LineAtEnd() => LineAt(_end);

    /// <summary>Reads more of the source; at its end, <see cref="Final"/> becomes true.</summary>
    public void ReadMore() => Fill(source.Read(Room().Span));

    /// <inheritdoc cref="ReadMore"/>
    public async ValueTask ReadMoreAsync(CancellationToken cancellationToken) =>
        Fill(await source.ReadAsync(Room(), cancellationToken).ConfigureAwait(false));

    public void Dispose() => source.Dispose();

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
    private Memory<byte> Room()
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
            Final = true;
        }

        _end += count;
    }
}
