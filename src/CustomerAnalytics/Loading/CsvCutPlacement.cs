using Microsoft.Win32.SafeHandles;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Places a cut of a parallel CSV load out of a quoted value that spans lines, when the bytes after it show one: a guess,
/// never trusted on its own, since <see cref="ParallelCsvLoad"/> still checks that the part before each cut ended there.
/// </summary>
/// <remarks>
/// From a line start, the first quote that closes a value (not after a separator or a line start, and before a
/// separator or a line break) means the line start was inside a quoted value: the cut moves past the line that value
/// ends on. The first quote that opens a value (after a separator or a line start) means it was not. A quote inside an
/// unquoted field (<c>12" vinyl</c>) and a doubled quote say nothing, and the scan goes on. Without a quote in the
/// window, or when the value does not end in it, the cut stays where it is.
/// </remarks>
internal static class CsvCutPlacement
{
    /// <summary>How far past a cut the bytes are read for quotes.</summary>
    public const int WindowBytes = 1 << 20;

    /// <summary>How many quoted values in a row one cut may be moved past.</summary>
    private const int MaxMoves = 4;

    /// <summary>The cut, moved past a quoted value it falls inside (a line start in both cases).</summary>
    public static long Place(SafeFileHandle file, long cut, long length, char separator)
    {
        var window = new byte[(int)Math.Min(WindowBytes, length - cut)];
        var read = RandomAccess.Read(file, window, cut);
        var offset = Place(window.AsSpan(0, read), (byte)separator);
        return cut + offset;
    }

    /// <summary>The offset in <paramref name="bytes"/> (which start at a line start) where the cut should be: 0 to stay.</summary>
    public static int Place(ReadOnlySpan<byte> bytes, byte separator)
    {
        var cut = 0;
        for (var move = 0; move < MaxMoves; move++)
        {
            var end = EndOfQuotedValue(bytes[cut..], separator);
            if (end < 0)
            {
                return cut;
            }

            var lineFeed = bytes[(cut + end)..].IndexOf((byte)'\n');
            if (lineFeed < 0 || cut + end + lineFeed + 1 >= bytes.Length)
            {
                return cut;
            }

            cut += end + lineFeed + 1;
        }

        return cut;
    }

    /// <summary>The index of the quote that closes a value the start of <paramref name="bytes"/> is inside, or −1.</summary>
    private static int EndOfQuotedValue(ReadOnlySpan<byte> bytes, byte separator)
    {
        var at = 0;
        while (at < bytes.Length && bytes[at..].IndexOf((byte)'"') is var found and >= 0)
        {
            var quote = at + found;
            var before = quote == 0 ? (byte)'\n' : bytes[quote - 1];
            var after = quote + 1 < bytes.Length ? bytes[quote + 1] : (byte)'\n';
            if (after == (byte)'"')
            {
                at = quote + 2;
                continue;
            }

            var opens = before == separator || before is (byte)'\n' or (byte)'\r';
            if (opens)
            {
                return -1;
            }

            if (after == separator || after is (byte)'\n' or (byte)'\r')
            {
                return quote;
            }

            at = quote + 1;
        }

        return -1;
    }
}
