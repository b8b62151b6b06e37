using System.Buffers.Binary;
using System.IO.Compression;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Pipeline;

/// <summary>
/// How large an input is and how many rows it holds, from its length and its first MiB only: the figures of a
/// <see cref="MemoryEstimatePart"/>. Never reads a file to its end.
/// </summary>
internal static class InputSample
{
    /// <summary>The bytes of content sampled at the start of a file (after inflating, for <c>.gz</c>).</summary>
    public const int SampleBytes = 1 << 20;

    private const long FourGiB = 1L << 32;

    /// <summary>The file's length, the bytes its loader will read and its rows (see <see cref="MemoryEstimatePart"/>).</summary>
    public static (long FileBytes, long ContentBytes, long Rows) Measure(string path)
    {
        var format = LoadEngine.Resolve(DataFormat.Auto, path, out var gzip);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.None);
        var fileBytes = file.Length;
        var buffer = new byte[SampleBytes];
        int read;
        long consumed;
        using (var source = gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : (Stream)file)
        {
            read = source.ReadAtLeast(buffer, SampleBytes, throwOnEndOfStream: false);
            consumed = file.Position;
        }

        var sample = buffer.AsSpan(0, read);
        var whole = read < SampleBytes;
        var content = !gzip ? fileBytes : whole ? read : InflatedLength(path, fileBytes, (double)read / Math.Max(1, consumed));
        var header = format == DataFormat.Csv ? 1 : 0;
        long marks = format == DataFormat.Json ? sample.Count((byte)'{') : sample.Count((byte)'\n');
        if (whole)
        {
            // A last line without a line feed is a row too.
            var unterminated = format != DataFormat.Json && read > 0 && sample[^1] != (byte)'\n' ? 1 : 0;
            return (fileBytes, content, Math.Max(0, marks + unterminated - header));
        }

        var rows = (long)Math.Ceiling(content * (double)Math.Max(1, marks) / read) - header;
        return (fileBytes, content, Math.Max(0, rows));
    }

    /// <summary>
    /// A gzip file's inflated length: its trailer's ISIZE (the length modulo 4 GiB) plus the multiple of 4 GiB that
    /// comes closest to the compressed length times the ratio of the sampled start.
    /// </summary>
    internal static long InflatedLength(long isize, long fileBytes, double ratio)
    {
        var expected = fileBytes * ratio;
        var wraps = Math.Max(0, Math.Round((expected - isize) / FourGiB));
        return isize + ((long)wraps * FourGiB);
    }

    private static long InflatedLength(string path, long fileBytes, double ratio)
    {
        Span<byte> trailer = stackalloc byte[4];
        using var file = File.OpenRead(path);
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        return InflatedLength(BinaryPrimitives.ReadUInt32LittleEndian(trailer), fileBytes, ratio);
    }
}
