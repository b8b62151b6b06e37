using Microsoft.Win32.SafeHandles;

namespace CustomerAnalytics.Loading;

/// <summary>
/// A read-only stream of a prefix (a CSV header) followed by one byte range of a file, read at explicit offsets so that
/// several parts of one file can be read at once; it counts the line breaks and quotes of the range as they pass, and
/// reports the range's bytes (not the prefix's) to <see cref="LoadOptions.ReadProgress"/>.
/// </summary>
internal sealed class PartStream(SafeFileHandle file, byte[] prefix, long start, long end, IProgress<long>? progress) : ReadOnlyStream
{
    private int _prefixRead;
    private long _position = start;
    private LineCounts _counts;

    /// <summary>The line breaks and quotes of the range read so far (all of it once the reader reached the end).</summary>
    public LineCounts Counts => _counts;

    public override int Read(Span<byte> buffer)
    {
        if (_prefixRead < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _prefixRead);
            prefix.AsSpan(_prefixRead, n).CopyTo(buffer);
            _prefixRead += n;
            return n;
        }

        var wanted = (int)Math.Min(buffer.Length, end - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var read = RandomAccess.Read(file, buffer[..wanted], _position);
        _position += read;
        _counts.Add(buffer[..read]);
        if (read > 0)
        {
            progress?.Report(read);
        }

        return read;
    }

}

/// <summary>
/// Line breaks as CsvHelper counts them (CR, LF and CR LF each once) and quote characters, over bytes that arrive in
/// pieces (a CR LF may be split between two).
/// </summary>
internal struct LineCounts
{
    private bool _endsWithCarriageReturn;

    public long LineBreaks { get; private set; }

    public long Quotes { get; private set; }

    public static LineCounts Of(ReadOnlySpan<byte> bytes)
    {
        var counts = default(LineCounts);
        counts.Add(bytes);
        return counts;
    }

    public void Add(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        Quotes += bytes.Count((byte)'"');
        var lineFeeds = bytes.Count((byte)'\n');
        var carriageReturns = bytes.Count((byte)'\r');
        var pairs = carriageReturns == 0 ? 0 : bytes.Count("\r\n"u8);
        if (_endsWithCarriageReturn && bytes[0] == (byte)'\n')
        {
            pairs++;
        }

        LineBreaks += lineFeeds + carriageReturns - pairs;
        _endsWithCarriageReturn = bytes[^1] == (byte)'\r';
    }
}
