using System.Text.Json;

namespace CustomerAnalytics.Loading;

/// <summary>
/// The columns of a JSON source and the row being read: property names become columns as they are first seen
/// (matched ignoring case and surrounding white space), values are kept as UTF-8 bytes (strings unescaped), and what
/// keeps the row from being read is its <see cref="Problem"/>.
/// </summary>
internal sealed class JsonRow
{
    private readonly List<string> _headers = [];
    private readonly Dictionary<string, int> _headerIndexes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Utf8Interner _names = new();

    private byte[] _row = new byte[1024];
    private int _rowLength;
    private (int Start, int Length)[] _fields = new (int, int)[16];

    // Which columns the current object has set (stamped with its row number), and under which property name.
    private int[] _setInRow = new int[16];
    private string[] _setAs = new string[16];
    private int _rowNumber;
    private int _property = -1;

    /// <summary>The column names: the property names seen so far, trimmed, in order of first sight.</summary>
    public IReadOnlyList<string> Headers => _headers;

    /// <summary>The 1-based line where the row starts.</summary>
    public long Line { get; set; }

    /// <summary>Why the row cannot be read; <see langword="null"/> when it can.</summary>
    public JsonRowProblem? Problem { get; set; }

    /// <summary>Starts a row on <paramref name="line"/>: no values, no problem.</summary>
    public void Begin(long line)
    {
        Line = line;
        _rowLength = 0;
        Problem = null;
        _property = -1;
        _rowNumber++;
        _fields.AsSpan(0, _headers.Count).Clear();
    }

    /// <summary>Rejects the row for <paramref name="problem"/> unless it is rejected already (the first problem is told).</summary>
    public void Reject(JsonRowProblem problem) => Problem ??= problem;

    /// <summary>Forgets the columns (those of a row that could not be read).</summary>
    public void ClearHeaders()
    {
        _headers.Clear();
        _headerIndexes.Clear();
    }

    /// <summary>The value of column <paramref name="index"/> in the row (empty when absent).</summary>
    public ReadOnlySpan<byte> Field(int index)
    {
        if ((uint)index >= (uint)_headers.Count)
        {
            return default;
        }

        var (start, length) = _fields[index];
        return length <= 0 ? default : _row.AsSpan(start, length);
    }

    /// <summary>Makes every name of <paramref name="names"/> lead to column <paramref name="index"/> (unless it is a column already).</summary>
    public void AddAliases(IReadOnlyList<string> names, int index)
    {
        foreach (var name in names)
        {
            _headerIndexes.TryAdd(name.Trim(), index);
        }
    }

    /// <summary>The column of <paramref name="name"/>, added when no column has the name yet.</summary>
    public int HeaderIndex(string name)
    {
        if (_headerIndexes.TryGetValue(name, out var index))
        {
            return index;
        }

        // Names are matched ignoring surrounding white space, as the headers they become are (" qty " is "qty").
        var trimmed = name.Trim();
        if (!_headerIndexes.TryGetValue(trimmed, out index))
        {
            index = _headers.Count;
            _headerIndexes.Add(trimmed, index);
            _headers.Add(trimmed);
            if (_fields.Length < _headers.Count)
            {
                Array.Resize(ref _fields, _fields.Length * 2);
                Array.Resize(ref _setInRow, _fields.Length);
                Array.Resize(ref _setAs, _fields.Length);
            }

            _fields[index] = (0, 0);
        }

        _headerIndexes.TryAdd(name, index);
        return index;
    }

    /// <summary>A property name: the column the next value goes to.</summary>
    public void ReadProperty(ref Utf8JsonReader reader) => _property = PropertyIndex(ref reader);

    /// <summary>A string value: unescaped into the row, or the row rejected when it is not valid text.</summary>
    public void SetString(ref Utf8JsonReader reader)
    {
        if (_property < 0)
        {
            return;
        }

        var length = reader.ValueSpan.Length;
        EnsureRowRoom(length);
        var written = length;
        if (!reader.ValueIsEscaped)
        {
            Copy(reader.ValueSpan);
        }
        else if (!TryUnescape(ref reader, _row.AsSpan(_rowLength), out written))
        {
            Reject(new JsonRowProblem("the string " + JsonRowProblem.InvalidTextProblem, _headers[_property], RawValue(ref reader), JsonRowProblem.InvalidTextExpected));
            return;
        }

        _fields[_property] = (_rowLength, written);
        _rowLength += written;
    }

    /// <summary>A number or boolean value, as written.</summary>
    public void SetValue(ReadOnlySpan<byte> value)
    {
        if (_property < 0)
        {
            return;
        }

        EnsureRowRoom(value.Length);
        _fields[_property] = (_rowLength, Copy(value));
        _rowLength += value.Length;
    }

    /// <summary>A <c>null</c> value: the column is absent.</summary>
    public void SetNull()
    {
        if (_property >= 0)
        {
            _fields[_property] = (0, 0);
        }
    }

    /// <summary>A nested object or array as the value: the row is rejected.</summary>
    public void RejectNested() =>
        Reject(new JsonRowProblem(_property >= 0 ? $"the property '{_headers[_property]}' holds a nested object or array" : "a property holds a nested object or array"));

    /// <summary>The column of a property name; −1 (the row rejected) when the name is not valid text.</summary>
    private int PropertyIndex(ref Utf8JsonReader reader)
    {
        string name;
        if (reader.ValueIsEscaped)
        {
            Span<byte> unescaped = reader.ValueSpan.Length <= 256 ? stackalloc byte[reader.ValueSpan.Length] : new byte[reader.ValueSpan.Length];
            if (!TryUnescape(ref reader, unescaped, out var length))
            {
                Reject(new JsonRowProblem("a property name " + JsonRowProblem.InvalidTextProblem, null, RawValue(ref reader), JsonRowProblem.InvalidTextExpected));
                return -1;
            }

            name = _names.Intern(unescaped[..length]);
        }
        else
        {
            name = _names.Intern(reader.ValueSpan);
        }

        return Claim(HeaderIndex(name), name);
    }

    /// <summary>Marks a column set by the current object; a second property of the same column rejects the row.</summary>
    private int Claim(int index, string name)
    {
        if (_setInRow[index] == _rowNumber)
        {
            var names = string.Equals(_setAs[index], name, StringComparison.Ordinal) ? string.Empty : $" (as '{_setAs[index]}' and '{name}')";
            Reject(new JsonRowProblem($"the property '{name}' appears twice in the object{names}", _headers[index], null, "each property once in an object"));
            return index;
        }

        _setInRow[index] = _rowNumber;
        _setAs[index] = name;
        return index;
    }

    /// <summary>
    /// Unescapes a string; false when it does not make valid text: a lone surrogate escape (<c>\udc00</c>), or invalid
    /// UTF-8 beside an escape (which the reader checks as it unescapes).
    /// </summary>
    private static bool TryUnescape(ref Utf8JsonReader reader, scoped Span<byte> destination, out int written)
    {
        try
        {
            written = reader.CopyString(destination);
            return true;
        }
        catch (InvalidOperationException)
        {
            written = 0;
            return false;
        }
    }

    private static string RawValue(ref Utf8JsonReader reader) => System.Text.Encoding.UTF8.GetString(reader.ValueSpan);

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
}
