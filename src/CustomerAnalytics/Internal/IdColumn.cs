using System.Globalization;

namespace CustomerAnalytics.Internal;

/// <summary>
/// An immutable column of ids, stored as cheaply as its values allow: nothing when they are consecutive integers
/// (first + i), 8 bytes each when they are integers, else the strings.
/// </summary>
internal sealed class IdColumn
{
    private readonly long _first;
    private readonly long[]? _numbers;
    private readonly string[]? _texts;

    private IdColumn(int count, long first, long[]? numbers, string[]? texts)
    {
        Count = count;
        _first = first;
        _numbers = numbers;
        _texts = texts;
    }

    public int Count { get; }

    /// <summary>Whether every id is a canonical integer (see <see cref="CanonicalInteger"/>).</summary>
    public bool IsNumeric => _texts is null;

    /// <summary>Whether the ids are the consecutive integers first, first + 1, … (stored as nothing).</summary>
    public bool IsConsecutive => _texts is null && _numbers is null;

    /// <summary>The bytes the column keeps (8 per reference and the strings' characters, for text).</summary>
    public long Bytes => _numbers is not null ? 8L * _numbers.Length
        : _texts is not null ? _texts.Sum(t => 8L + 22 + (2L * t.Length))
        : 0;

    public string this[int index] => _texts is not null ? _texts[index] : NumberAt(index).ToString(CultureInfo.InvariantCulture);

    public static IdColumn Consecutive(long first, int count) => new(count, first, null, null);

    /// <summary>Integer ids; stored as <see cref="Consecutive"/> when they are.</summary>
    public static IdColumn Numbers(long[] numbers)
    {
        for (var i = 1; i < numbers.Length; i++)
        {
            if (numbers[i] != numbers[0] + i)
            {
                return new IdColumn(numbers.Length, 0, numbers, null);
            }
        }

        return new IdColumn(numbers.Length, numbers.Length == 0 ? 0 : numbers[0], null, null);
    }

    public static IdColumn Texts(string[] texts) => new(texts.Length, 0, null, texts);

    /// <summary>The integer id at <paramref name="index"/>; only when <see cref="IsNumeric"/>.</summary>
    public long NumberAt(int index) => _numbers is not null ? _numbers[index] : _first + index;

    /// <summary>The ids of the given rows (in that order), as a new column.</summary>
    public IdColumn Select(ReadOnlySpan<int> rows)
    {
        if (_texts is not null)
        {
            var texts = new string[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                texts[i] = _texts[rows[i]];
            }

            return Texts(texts);
        }

        var numbers = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            numbers[i] = NumberAt(rows[i]);
        }

        return Numbers(numbers);
    }
}
