using System.IO.Compression;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Decompresses gzip (one member or several) and fails with a <see cref="SourceFormatException"/> instead of ending
/// quietly or throwing <see cref="InvalidDataException"/>: input that is not gzip, damaged data (a bad CRC-32 or
/// length, which the inflater checks), and data that stops before a member's end (a truncated file, a missing
/// trailer), which the inflater takes for the end of the input.
/// </summary>
/// <remarks>
/// To tell a complete stream from a truncated one, a small gzip member of its own (<see cref="GzipEndMark"/>) is fed
/// to the inflater after the input's last byte. The inflater asks for input only when it has given out all it can
/// from the input so far, so everything before that is the file's; what comes after must be exactly the mark's
/// content, which a complete stream yields as one more member. After a truncated member the mark's bytes continue
/// the cut member instead: the inflater fails or gives out something else, and the load fails once the file's own
/// bytes have been read (so the error names the line reached).
/// </remarks>
internal sealed class CheckedGzipStream : ReadOnlyStream
{
    private const int BufferBytes = 1 << 16;

    private readonly MarkedInput _input;
    private readonly GZipStream _gzip;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private int _start;
    private int _end;
    private int _markSeen;
    private bool _ended;
    private SourceFormatException? _failure;

    public CheckedGzipStream(Stream compressed, bool leaveOpen)
    {
        _input = new MarkedInput(compressed, leaveOpen);
        _gzip = new GZipStream(_input, CompressionMode.Decompress, leaveOpen: false);
    }

    public override int Read(Span<byte> buffer)
    {
        while (_start == _end && !_ended)
        {
            ThrowIfFailed();
            int read;
            try
            {
                read = _gzip.Read(_buffer);
            }
            catch (InvalidDataException ex)
            {
                read = Failed(ex);
            }

            Filled(read);
        }

        return Take(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_start == _end && !_ended)
        {
            ThrowIfFailed();
            int read;
            try
            {
                read = await _gzip.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                read = Failed(ex);
            }

            Filled(read);
        }

        return Take(buffer.Span);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private static SourceFormatException Truncated() => new(
        0,
        "the gzip data ends before its end (the file is truncated, or its last 8 bytes, the CRC-32 and length, are missing)",
        "a complete gzip file",
        "Copy or download the file again; gzip -t tests a file.");

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw _failure;
        }
    }

    /// <summary>The inflater failed: in the file's own data it is damaged; in the mark, the file stopped short.</summary>
    private int Failed(InvalidDataException ex)
    {
        _failure = _input.Marking
            ? Truncated()
            : new SourceFormatException(
                0,
                // The runtime's message ("unsupported compression method") names no cause a user can act on.
                "the gzip data is damaged (its CRC-32 or length does not match its content, or the compressed data is invalid)",
                "intact gzip data, whose CRC-32 and length match its content",
                "Copy or download the file again; gzip -t tests a file.",
                ex);
        return -1;
    }

    private void Filled(int read)
    {
        _start = 0;
        _end = 0;
        if (read < 0)
        {
            return;
        }

        if (!_input.Marking)
        {
            // The file's own bytes (0 only for an empty file, which never gets the mark).
            _end = read;
            _ended = read == 0;
            return;
        }

        var content = GzipEndMark.Content;
        if (read == 0)
        {
            _ended = _markSeen == content.Length;
            _failure = _ended ? null : Truncated();
        }
        else if (_markSeen + read <= content.Length && _buffer.AsSpan(0, read).SequenceEqual(content.Slice(_markSeen, read)))
        {
            _markSeen += read;
        }
        else
        {
            _failure = Truncated();
        }
    }

    private int Take(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _end - _start);
        _buffer.AsSpan(_start, n).CopyTo(buffer);
        _start += n;
        return n;
    }

    /// <summary>The compressed input, checked to start as gzip does, followed by the end mark's member.</summary>
    private sealed class MarkedInput(Stream inner, bool leaveOpen) : ReadOnlyStream
    {
        private long _read;
        private int _markRead;
        private bool _innerEnded;

        /// <summary>Whether the file's bytes have all been given to the inflater and the mark's are being given.</summary>
        public bool Marking => _innerEnded && _read > 0;

        public override int Read(Span<byte> buffer) =>
            _innerEnded ? Mark(buffer) : Seen(inner.Read(buffer), buffer);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _innerEnded ? Mark(buffer.Span) : Seen(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Span);

        protected override void Dispose(bool disposing)
        {
            if (disposing && !leaveOpen)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Seen(int read, Span<byte> buffer)
        {
            if (read == 0)
            {
                _innerEnded = true;
                // An empty input stays empty (the source is empty), rather than becoming the end mark alone.
                return _read == 0 ? 0 : Mark(buffer);
            }

            for (var i = 0; i < read && _read + i < 2; i++)
            {
                if (buffer[i] != GzipEndMark.Magic[(int)_read + i])
                {
                    throw new SourceFormatException(
                        0,
                        "the data is not gzip, though the name ends in .gz (it does not start with the bytes 1f 8b)",
                        "gzip data",
                        "If the file is not compressed, name it without '.gz'.");
                }
            }

            _read += read;
            return read;
        }

        private int Mark(Span<byte> buffer)
        {
            var member = GzipEndMark.Member;
            var n = Math.Min(buffer.Length, member.Length - _markRead);
            member.Slice(_markRead, n).CopyTo(buffer);
            _markRead += n;
            return n;
        }
    }
}
