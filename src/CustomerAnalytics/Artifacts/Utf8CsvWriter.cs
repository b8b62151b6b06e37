using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Unicode;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Artifacts;

/// <summary>
/// Writes CSV records as UTF-8 bytes straight into a pooled buffer over a stream: the large artifacts' writer. Its bytes
/// are those of the CsvHelper writer of <see cref="ArtifactCsv.Options"/> (the small files' writer): comma separated,
/// LF line ends, invariant culture, a field quoted when it holds a comma, a quote, CR or LF (quotes doubled, leading and
/// trailing spaces kept as they are), text starting with <c>= + - @</c>, tab or CR written as <c>'</c> and the text,
/// quoted; numbers and dates are never escaped. Not thread-safe; one writer per stream, which it leaves open.
/// </summary>
internal sealed class Utf8CsvWriter : IDisposable
{
    private const int BufferSize = 1 << 16;

    /// <summary>The room a number or date always fits in; the buffer is written out when less is left.</summary>
    private const int NumberRoom = 64;

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _length;
    private int _fields;
    private int _recordStart;

    public Utf8CsvWriter(Stream stream)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    }

    /// <summary>Writes a header record.</summary>
    public void Header(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            Text(name);
        }

        EndRecord();
    }

    /// <summary>A text field; <see langword="null"/> is an empty field.</summary>
    public void Text(string? value) => Text(value.AsSpan());

    /// <summary>A text field, guarded against formulas and quoted when needed.</summary>
    public void Text(ReadOnlySpan<char> value)
    {
        Separator();
        var formula = IsFormula(value);
        if (!formula && !value.ContainsAny(NeedsQuotes))
        {
            Encode(value);
            return;
        }

        Byte((byte)'"');
        if (formula)
        {
            Byte((byte)'\'');
        }

        for (var quote = value.IndexOf('"'); quote >= 0; quote = value.IndexOf('"'))
        {
            Encode(value[..(quote + 1)]);
            Byte((byte)'"');
            value = value[(quote + 1)..];
        }

        Encode(value);
        Byte((byte)'"');
    }

    /// <summary>
    /// The id at <paramref name="index"/> of a column: one kept as a number (or a prefix and a number) is formatted
    /// straight to digits, without a string, unless its prefix needs the guard or quotes; text as <see cref="Text(string?)"/>.
    /// </summary>
    public void Id(IdColumn ids, int index)
    {
        var prefix = ids.Prefix.AsSpan();
        if (!ids.HasNumbers || IsFormula(prefix) || prefix.ContainsAny(NeedsQuotes))
        {
            Text(ids[index]);
            return;
        }

        Separator();
        Encode(prefix);
        var format = ids.Digits == 0 ? default : new StandardFormat('D', (byte)ids.Digits);
        Utf8Formatter.TryFormat(ids.NumberAt(index), Room(), out var written, format);
        _length += written;
    }

    /// <summary>An integer, invariant.</summary>
    public void Integer(long value)
    {
        Separator();
        Utf8Formatter.TryFormat(value, Room(), out var written);
        _length += written;
    }

    /// <summary>Money as <see cref="ArtifactCsv.MoneyFormat"/> formats it; <see langword="null"/> is an empty field.</summary>
    public void Money(decimal? value)
    {
        Separator();
        if (value is { } money)
        {
            _length += MoneyText.Format(money, Room());
        }
    }

    /// <summary>Money in units of 1/10,000 (<see cref="Internal.Money"/>'s); <see cref="Internal.Money.None"/> is an empty field.</summary>
    public void MoneyUnits(long units)
    {
        Separator();
        if (units != Internal.Money.None)
        {
            _length += MoneyText.Format(units, Room());
        }
    }

    /// <summary>A score: the shortest text that round-trips (<c>R</c>), invariant.</summary>
    public void Score(double value)
    {
        Separator();
        value.TryFormat(Room(), out var written, "R", CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>A date, <c>yyyy-MM-dd</c>; <see langword="null"/> is an empty field.</summary>
    public void Date(DateOnly? value)
    {
        Separator();
        if (value is { } date)
        {
            var (year, month, day) = date;
            DateDigits(Room(), year, month, day);
            _length += 10;
        }
    }

    /// <summary>A UTC timestamp, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public void Timestamp(DateTimeOffset value) => Timestamp(value.UtcDateTime);

    /// <summary>A UTC time, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public void Timestamp(DateTime utc)
    {
        Separator();
        var span = Room();
        var (year, month, day) = utc;
        DateDigits(span, year, month, day);
        var seconds = (int)(utc.Ticks / TimeSpan.TicksPerSecond % 86_400);
        span[10] = (byte)'T';
        Two(span[11..], seconds / 3600);
        span[13] = (byte)':';
        Two(span[14..], seconds / 60 % 60);
        span[16] = (byte)':';
        Two(span[17..], seconds % 60);
        span[19] = (byte)'Z';
        _length += 20;
    }

    /// <summary>Ends the record with LF; a record of one empty field is written as <c>""</c>, as CsvHelper does.</summary>
    public void EndRecord()
    {
        if (_fields == 1 && _length == _recordStart)
        {
            Ensure(2);
            Byte((byte)'"');
            Byte((byte)'"');
        }

        Ensure(1);
        Byte((byte)'\n');
        _fields = 0;
        if (_length > BufferSize - 1024)
        {
            WriteOut();
        }

        _recordStart = _length;
    }

    /// <summary>Writes what is buffered and flushes the stream (left open).</summary>
    public void Dispose()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        WriteOut();
        _stream.Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Whether text starts as a formula would (<c>= + - @</c>, tab or CR): the guard's test.</summary>
    private static bool IsFormula(ReadOnlySpan<char> value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private void Separator()
    {
        if (_fields++ > 0)
        {
            Ensure(1);
            Byte((byte)',');
        }
    }

    private void Byte(byte value)
    {
        if (_length == _buffer.Length)
        {
            Ensure(1);
        }

        _buffer[_length++] = value;
    }

    private void Encode(ReadOnlySpan<char> text)
    {
        // UTF-8 takes at most 3 bytes per UTF-16 unit; invalid UTF-16 becomes U+FFFD, as CsvHelper writes it.
        Ensure(text.Length * 3);
        Utf8.FromUtf16(text, _buffer.AsSpan(_length), out _, out var written, replaceInvalidSequences: true);
        _length += written;
    }

    private Span<byte> Room()
    {
        Ensure(NumberRoom);
        return _buffer.AsSpan(_length);
    }

    /// <summary>Makes room for <paramref name="bytes"/> more: writes the buffer out, or takes a larger one for a huge field.</summary>
    private void Ensure(int bytes)
    {
        if (_buffer.Length - _length >= bytes)
        {
            return;
        }

        WriteOut();
        if (_buffer.Length < bytes)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(bytes);
        }
    }

    private void WriteOut()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
        _recordStart = 0;
    }

    private static void DateDigits(Span<byte> span, int year, int month, int day)
    {
        Two(span, year / 100);
        Two(span[2..], year % 100);
        span[4] = (byte)'-';
        Two(span[5..], month);
        span[7] = (byte)'-';
        Two(span[8..], day);
    }

    private static void Two(Span<byte> span, int value)
    {
        span[1] = (byte)('0' + (value % 10));
        span[0] = (byte)('0' + (value / 10));
    }
}
