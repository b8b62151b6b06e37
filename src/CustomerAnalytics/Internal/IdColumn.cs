using System.Globalization;

namespace CustomerAnalytics.Internal;

/// <summary>
/// An immutable column of ids, stored as cheaply as its values allow: nothing when they are consecutive integers
/// (first + i), 8 bytes each when they are integers, else the strings. Ids of one prefix and digit count
/// (<c>SO-000000001</c>, see <see cref="PrefixedNumber"/>) are kept the same way, as their numbers.
/// </summary>
internal sealed class IdColumn
{
    private readonly long _first;
    private readonly long[]? _numbers;
    private readonly string[]? _texts;

    private IdColumn(int count, long first, long[]? numbers, string[]? texts, string? prefix = null, int digits = 0)
    {
        Count = count;
        _first = first;
        _numbers = numbers;
        _texts = texts;
        Prefix = prefix;
        Digits = digits;
    }

    /// <summary>The common prefix of prefixed-number ids (<c>SO-</c>), or <see langword="null"/>.</summary>
    public string? Prefix { get; }

    /// <summary>The digit count of prefixed-number ids; 0 for other columns.</summary>
    public int Digits { get; }

    public int Count { get; }

    /// <summary>Whether every id is a canonical integer (see <see cref="CanonicalInteger"/>).</summary>
    public bool IsNumeric => _texts is null && Prefix is null;

    /// <summary>Whether the ids are kept as numbers (integers or prefixed numbers), not as strings.</summary>
    public bool HasNumbers => _texts is null;

    /// <summary>Whether the ids are the consecutive integers first, first + 1, … (stored as nothing).</summary>
    public bool IsConsecutive => _texts is null && _numbers is null && Prefix is null;

    /// <summary>The bytes the column keeps (8 per reference and the strings' characters, for text).</summary>
    public long Bytes => _numbers is not null ? 8L * _numbers.Length
        : _texts is not null ? _texts.Sum(t => 8L + 22 + (2L * t.Length))
        : 0;

    public string this[int index] =>
        _texts is not null ? _texts[index]
        : Prefix is not null ? PrefixedNumber.Format(Prefix, Digits, NumberAt(index))
        : NumberAt(index).ToString(CultureInfo.InvariantCulture);

    public static IdColumn Consecutive(long first, int count) => new(count, first, null, null);

    /// <summary>Integer ids; stored as <see cref="Consecutive"/> when they are.</summary>
    public static IdColumn Numbers(long[] numbers) => Numbers(numbers, null, 0);

    /// <summary>Ids of one prefix and digit count, given as their numbers; nothing stored when consecutive.</summary>
    public static IdColumn PrefixedNumbers(string prefix, int digits, long[] numbers) => Numbers(numbers, prefix, digits);

    /// <summary>Consecutive prefixed-number ids, as <c>SO-000000001</c>, <c>SO-000000002</c>, …</summary>
    public static IdColumn PrefixedConsecutive(string prefix, int digits, long first, int count) => new(count, first, null, null, prefix, digits);

    private static IdColumn Numbers(long[] numbers, string? prefix, int digits)
    {
        for (var i = 1; i < numbers.Length; i++)
        {
            if (numbers[i] != numbers[0] + i)
            {
                return new IdColumn(numbers.Length, 0, numbers, null, prefix, digits);
            }
        }

        return new IdColumn(numbers.Length, numbers.Length == 0 ? 0 : numbers[0], null, null, prefix, digits);
    }

    public static IdColumn Texts(string[] texts) => new(texts.Length, 0, null, texts);

    /// <summary>The integer id (or the number of a prefixed id) at <paramref name="index"/>; not for text columns.</summary>
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

        return Numbers(numbers, Prefix, Digits);
    }
}
