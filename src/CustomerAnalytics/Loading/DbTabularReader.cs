using System.Data.Common;
using System.Globalization;
using System.Text;

namespace CustomerAnalytics.Loading;

/// <summary>
/// The rows of an ADO.NET <see cref="DbDataReader"/> (any provider: DuckDB, PostgreSQL, SQL Server, SQLite …) as named
/// UTF-8 fields, so the file loaders' parsers, checks and diagnostics apply unchanged. The headers are the result's
/// column names and <see cref="Line"/> is the 1-based row number.
/// </summary>
/// <remarks>
/// Each value is read with the provider's typed getter for the column's type (<see cref="DbDataReader.GetDecimal"/>,
/// <see cref="DbDataReader.GetDateTime"/>, <c>GetFieldValue&lt;DateTimeOffset&gt;</c>, <see cref="DbDataReader.GetInt64"/>
/// …), never through the provider's text conversion, and written as invariant UTF-8 into one reused buffer: a decimal
/// keeps every digit it has, a <see cref="DateTimeKind.Utc"/> time or one of a zoned column (<c>timestamptz</c>) gets
/// <c>Z</c>, a time without a zone is read in
/// <see cref="LoadOptions.SourceTimeZone"/> (as a file's would be), and SQL <c>NULL</c> reads as an empty field.
/// A value the provider cannot give (an out-of-range <c>NUMERIC</c>) rejects its row with a diagnostic.
/// </remarks>
internal sealed class DbTabularReader(DbDataReader reader) : TabularReader
{
    private const int MaxFormatted = 64;

    private readonly DbDataReader _reader = reader ?? throw new ArgumentNullException(nameof(reader));
    private string[] _headers = [];
    private Type[] _types = [];
    private bool[] _zoned = [];
    private int[] _starts = [];
    private int[] _lengths = [];
    private byte[] _buffer = new byte[256];
    private long _row;

    public override IReadOnlyList<string> Headers => _headers;

    public override long Line => _row;

    public override bool ReadHeader()
    {
        var count = _reader.FieldCount;
        _headers = new string[count];
        _types = new Type[count];
        _zoned = new bool[count];
        for (var i = 0; i < count; i++)
        {
            _headers[i] = _reader.GetName(i);
            _types[i] = _reader.GetFieldType(i);
            _zoned[i] = _types[i] == typeof(DateTime) && IsZoned(_reader.GetDataTypeName(i));
        }

        _starts = new int[count];
        _lengths = new int[count];
        return count > 0;
    }

    public override ValueTask<bool> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReadHeader());
    }

    public override bool Read()
    {
        if (!_reader.Read())
        {
            return false;
        }

        _row++;
        return true;
    }

    public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await _reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        _row++;
        return true;
    }

    public override ReadOnlySpan<byte> Field(int index) => _buffer.AsSpan(_starts[index], _lengths[index]);

    /// <summary>Reads every value of the row into the buffer; a value the provider cannot give rejects the row.</summary>
    public override bool CheckShape(LoadSession session)
    {
        var length = 0;
        var good = true;
        for (var i = 0; i < _headers.Length; i++)
        {
            _starts[i] = length;
            try
            {
                length += Format(i, length);
            }
            catch (Exception ex) when (ex is InvalidCastException or OverflowException or FormatException or ArgumentException)
            {
                _lengths[i] = 0;
                good = false;
                session.RowError(
                    _headers[i],
                    (string?)null,
                    $"the database value cannot be read as {Describe(_types[i])}: {ex.Message}",
                    "a value the column's type holds (money within decimal's range, times within 0001–9999)",
                    "Cast or round the column in the query (for example CAST(x AS DECIMAL(18, 4))).");
                continue;
            }

            _lengths[i] = length - _starts[i];
        }

        return good;
    }

    /// <summary>Writes column <paramref name="index"/>'s value at <paramref name="at"/>; returns its length in bytes.</summary>
    private int Format(int index, int at)
    {
        if (_reader.IsDBNull(index))
        {
            return 0;
        }

        var type = _types[index];
        if (type == typeof(string))
        {
            var text = _reader.GetString(index);
            Reserve(at, Encoding.UTF8.GetMaxByteCount(text.Length));
            return Encoding.UTF8.GetBytes(text, _buffer.AsSpan(at));
        }

        Reserve(at, MaxFormatted);
        var span = _buffer.AsSpan(at);
        var invariant = CultureInfo.InvariantCulture;
        int written;
        var ok = type switch
        {
            _ when type == typeof(decimal) => _reader.GetDecimal(index).TryFormat(span, out written, default, invariant),
            _ when type == typeof(int) => _reader.GetInt32(index).TryFormat(span, out written, default, invariant),
            _ when type == typeof(long) => _reader.GetInt64(index).TryFormat(span, out written, default, invariant),
            _ when type == typeof(short) => _reader.GetInt16(index).TryFormat(span, out written, default, invariant),
            _ when type == typeof(DateTimeOffset) => _reader.GetFieldValue<DateTimeOffset>(index).TryFormat(span, out written, "O", invariant),
            _ when type == typeof(DateTime) => FormatDateTime(Instant(_reader.GetDateTime(index), _zoned[index]), span, out written),
            _ when type == typeof(DateOnly) => _reader.GetFieldValue<DateOnly>(index).TryFormat(span, out written, "yyyy-MM-dd", invariant),
            _ => FormatOther(_reader.GetValue(index), at, out written),
        };
        return ok ? written : throw new FormatException($"the value does not fit in {MaxFormatted} bytes");
    }

    /// <summary>
    /// Whether a column's database type is a time with a zone (<c>timestamp with time zone</c>, DuckDB's
    /// <c>TimestampTz</c>), whose values are instants even when the provider hands them over as a
    /// <see cref="DateTimeKind.Unspecified"/> <see cref="DateTime"/> in UTC (as DuckDB.NET does).
    /// </summary>
    private static bool IsZoned(string typeName) =>
        typeName.Contains("TIME ZONE", StringComparison.OrdinalIgnoreCase) || typeName.EndsWith("TZ", StringComparison.OrdinalIgnoreCase);

    /// <summary>A value of a zoned column as a UTC time; any other as it is.</summary>
    private static DateTime Instant(DateTime value, bool zoned) => !zoned ? value : value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary>A UTC time with <c>Z</c>; a time without a zone (or local) as written, read later in the source's zone; midnight as a date.</summary>
    private static bool FormatDateTime(DateTime value, Span<byte> span, out int written)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (value.Kind == DateTimeKind.Utc)
        {
            return value.TryFormat(span, out written, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", invariant);
        }

        // A DATE column often arrives as a DateTime at midnight: written as a date, it reads as a signup date too.
        return value.TimeOfDay == TimeSpan.Zero
            ? value.TryFormat(span, out written, "yyyy-MM-dd", invariant)
            : value.TryFormat(span, out written, "yyyy-MM-dd'T'HH:mm:ss.fffffff", invariant);
    }

    /// <summary>Any other type (a floating-point price, a GUID id, a provider's own type) as its invariant text.</summary>
    private bool FormatOther(object value, int at, out int written)
    {
        var text = value switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        Reserve(at, Encoding.UTF8.GetMaxByteCount(text.Length));
        written = Encoding.UTF8.GetBytes(text, _buffer.AsSpan(at));
        return true;
    }

    private void Reserve(int at, int bytes)
    {
        if (_buffer.Length - at < bytes)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, at + bytes));
        }
    }

    private static string Describe(Type type) => type.Name;

    protected override void Dispose(bool disposing)
    {
        // The caller owns the DbDataReader (and its connection).
    }
}
