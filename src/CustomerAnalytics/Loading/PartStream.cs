using Microsoft.Win32.SafeHandles;

namespace CustomerAnalytics.Loading;

/// <summary>
/// A read-only stream of a prefix (a CSV header), one byte range of a file (or a block in memory) and a suffix (the marker line that checks
/// where the range ended, <see cref="CsvPartEnd"/>), the range read at explicit offsets so that several parts of one
/// file can be read at once; it reports the range's bytes (not the prefix's or suffix's) to
/// <see cref="LoadOptions.ReadProgress"/>.
/// </summary>
internal sealed class PartStream(SafeFileHandle? file, byte[] prefix, long start, long end, byte[] suffix, IProgress<long>? progress) : ReadOnlyStream
{
    private readonly byte[]? _block;
    private int _prefixRead;
    private long _position = start;
    private int _suffixRead;

    /// <summary>A part held in memory (a block of an inflated gzip stream): the first <paramref name="length"/> bytes of <paramref name="block"/>.</summary>
    public PartStream(byte[] prefix, byte[] block, int length, byte[] suffix)
        : this(null, prefix, 0, length, suffix, null)
    {
        _block = block;
    }

    public override int Read(Span<byte> buffer)
    {
        if (_prefixRead < prefix.Length)
        {
            return Copy(prefix, ref _prefixRead, buffer);
        }

        var wanted = (int)Math.Min(buffer.Length, end - _position);
        if (wanted <= 0)
        {
            return Copy(suffix, ref _suffixRead, buffer);
        }

        int read;
        if (_block is not null)
        {
            _block.AsSpan((int)_position, wanted).CopyTo(buffer);
            read = wanted;
        }
        else
        {
            read = RandomAccess.Read(file!, buffer[..wanted], _position);
        }

        _position += read;
        if (read > 0)
        {
            progress?.Report(read);
        }

        return read;
    }

    private static int Copy(byte[] source, ref int done, Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, source.Length - done);
        source.AsSpan(done, n).CopyTo(buffer);
        done += n;
        return n;
    }
}
