using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CustomerAnalytics.Benchmarks.Generation;

/// <summary>Writes rows of one table as CSV, a JSON array of objects, or JSON Lines, straight to UTF-8 bytes.</summary>
internal sealed class TableWriter : IDisposable
{
    private const int FlushAt = 1 << 20;

    private readonly OutputFormats _format;
    private readonly Stream _file;
    private readonly JsonEncodedText[] _names;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushAt * 2);
    private readonly Utf8JsonWriter? _json;
    private int _field;

    public TableWriter(string path, OutputFormats format, params string[] columns)
    {
        _format = format;
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _names = Array.ConvertAll(columns, c => JsonEncodedText.Encode(c));
        if (format == OutputFormats.Csv)
        {
            Append(Encoding.UTF8.GetBytes(string.Join(',', columns) + "\n"));
        }
        else
        {
            _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
            if (format == OutputFormats.Json)
            {
                _json.WriteStartArray();
            }
        }
    }

    public static string Extension(OutputFormats format) => format switch
    {
        OutputFormats.Csv => ".csv",
        OutputFormats.Json => ".json",
        _ => ".jsonl",
    };

    public void BeginRow()
    {
        _field = 0;
        _json?.WriteStartObject();
    }

    /// <summary>A text field, ASCII without separators or quotes (the generator's ids and labels).</summary>
    public void Text(string value)
    {
        if (_json is null)
        {
            Separator();
            var span = _buffer.GetSpan(value.Length);
            var n = Encoding.ASCII.GetBytes(value, span);
            _buffer.Advance(n);
        }
        else
        {
            _json.WriteString(_names[_field++], value);
        }
    }

    /// <summary>A text field made of a prefix letter and a zero-padded number, as <c>C0000042</c>.</summary>
    public void Id(char prefix, long number, int digits)
    {
        if (_json is null)
        {
            Separator();
            var span = _buffer.GetSpan(digits + 1);
            span[0] = (byte)prefix;
            FormatPadded(span.Slice(1, digits), number);
            _buffer.Advance(digits + 1);
        }
        else
        {
            Span<char> chars = stackalloc char[digits + 1];
            chars[0] = prefix;
            number.TryFormat(chars[1..], out _, "D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            _json.WriteString(_names[_field++], chars);
        }
    }

    /// <summary>An integer written as text in CSV and as a JSON string (an identifier).</summary>
    public void NumericText(long value)
    {
        if (_json is null)
        {
            Number(value);
        }
        else
        {
            Span<char> chars = stackalloc char[20];
            value.TryFormat(chars, out var n, default, CultureInfo.InvariantCulture);
            _json.WriteString(_names[_field++], chars[..n]);
        }
    }

    public void Number(long value)
    {
        if (_json is null)
        {
            Separator();
            var span = _buffer.GetSpan(20);
            value.TryFormat(span, out var n, default, CultureInfo.InvariantCulture);
            _buffer.Advance(n);
        }
        else
        {
            _json.WriteNumber(_names[_field++], value);
        }
    }

    /// <summary>Money in cents, written with two decimals.</summary>
    public void Cents(long cents)
    {
        if (_json is null)
        {
            Separator();
            var span = _buffer.GetSpan(24);
            (cents / 100).TryFormat(span, out var n, default, CultureInfo.InvariantCulture);
            span[n] = (byte)'.';
            FormatPadded(span.Slice(n + 1, 2), cents % 100);
            _buffer.Advance(n + 3);
        }
        else
        {
            _json.WriteNumber(_names[_field++], cents / 100m);
        }
    }

    /// <summary>A UTC timestamp as <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public void Timestamp(DateTime utc)
    {
        Span<byte> text = stackalloc byte[20];
        FormatDate(text, utc.Year, utc.Month, utc.Day);
        text[10] = (byte)'T';
        FormatPadded(text.Slice(11, 2), utc.Hour);
        text[13] = (byte)':';
        FormatPadded(text.Slice(14, 2), utc.Minute);
        text[16] = (byte)':';
        FormatPadded(text.Slice(17, 2), utc.Second);
        text[19] = (byte)'Z';
        Ascii(text);
    }

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    public void Date(DateOnly date)
    {
        Span<byte> text = stackalloc byte[10];
        FormatDate(text, date.Year, date.Month, date.Day);
        Ascii(text);
    }

    private static void FormatDate(Span<byte> text, int year, int month, int day)
    {
        FormatPadded(text[..4], year);
        text[4] = (byte)'-';
        FormatPadded(text.Slice(5, 2), month);
        text[7] = (byte)'-';
        FormatPadded(text.Slice(8, 2), day);
    }

    public void EndRow()
    {
        if (_json is null)
        {
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
        }
        else
        {
            _json.WriteEndObject();
            _json.Flush();
            if (_format == OutputFormats.JsonLines)
            {
                _buffer.GetSpan(1)[0] = (byte)'\n';
                _buffer.Advance(1);
                _json.Reset(_buffer);
            }
        }

        if (_buffer.WrittenCount >= FlushAt)
        {
            FlushBuffer();
        }
    }

    public void Dispose()
    {
        if (_json is not null)
        {
            if (_format == OutputFormats.Json)
            {
                _json.WriteEndArray();
            }

            _json.Flush();
            _json.Dispose();
            if (_format == OutputFormats.Json)
            {
                _buffer.GetSpan(1)[0] = (byte)'\n';
                _buffer.Advance(1);
            }
        }

        FlushBuffer();
        _file.Dispose();
    }

    private static void FormatPadded(Span<byte> destination, long value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>A text field given as ASCII bytes without separators or quotes.</summary>
    public void Ascii(ReadOnlySpan<byte> text)
    {
        if (_json is null)
        {
            Separator();
            Append(text);
        }
        else
        {
            _json.WriteString(_names[_field++], text);
        }
    }

    private void Separator()
    {
        if (_field++ > 0)
        {
            _buffer.GetSpan(1)[0] = (byte)',';
            _buffer.Advance(1);
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    private void FlushBuffer()
    {
        _file.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
