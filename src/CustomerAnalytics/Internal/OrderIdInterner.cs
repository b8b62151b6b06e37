namespace CustomerAnalytics.Internal;

/// <summary>
/// Maps order ids to dense indexes 0, 1, 2, … in order of first appearance, as cheaply as the ids allow: while they
/// are integers that first appear in sequence (n, n + 1, n + 2, …, the usual invoice numbering) the index is
/// computed and nothing is stored; other integers go through a <see cref="Dictionary{TKey, TValue}"/> of
/// <see cref="long"/>. Order numbers of one prefix and digit count (<c>SO-000000001</c>, see
/// <see cref="PrefixedNumber"/>) are handled the same way, by their number. From the first id that fits neither,
/// every id is interned as text.
/// </summary>
internal sealed class OrderIdInterner
{
    private long _first;
    private Dictionary<long, int>? _numberIndexes;
    private List<long>? _numbers;
    private Interner? _texts;
    private string? _prefix;
    private int _digits;

    public int Count { get; private set; }

    public int Intern(string id)
    {
        if (_texts is null && _prefix is null && CanonicalInteger.TryParse(id, out var number))
        {
            return InternNumber(number);
        }

        if (_texts is null && PrefixedNumber.TryParse(id, out var prefix, out var digits, out number)
            && (_prefix is null ? Count == 0 : digits == _digits && prefix.SequenceEqual(_prefix)))
        {
            if (_prefix is null)
            {
                _prefix = prefix.ToString();
                _digits = digits;
            }

            return InternNumber(number);
        }

        if (_texts is null)
        {
            var previous = ToColumn();
            _texts = new Interner(Math.Max(16, Count));
            for (var i = 0; i < previous.Count; i++)
            {
                _texts.Intern(previous[i]);
            }

            _numbers = null;
            _numberIndexes = null;
            _prefix = null;
        }

        var index = _texts.Intern(id);
        Count = _texts.Count;
        return index;
    }

    /// <summary>Interns every id of <paramref name="ids"/> in order; returns their indexes.</summary>
    public int[] InternAll(IdColumn ids)
    {
        var indexes = new int[ids.Count];
        for (var i = 0; i < indexes.Length; i++)
        {
            // Consecutive numbers that continue the sequence here (a file's parts) are computed, not looked up.
            if (ids.IsConsecutive && _texts is null && _prefix is null && _numberIndexes is null && Count > 0 && ids.NumberAt(i) == _first + Count)
            {
                var first = Count;
                var run = ids.Count - i;
                for (var k = 0; k < run; k++)
                {
                    indexes[i + k] = first + k;
                }

                Count += run;
                break;
            }

            var samePrefix = _texts is null && _prefix is not null && ids.Digits == _digits && ids.Prefix == _prefix;
            indexes[i] = samePrefix ? InternNumber(ids.NumberAt(i)) : ids.IsNumeric ? Intern(ids.NumberAt(i)) : Intern(ids[i]);
        }

        return indexes;
    }

    /// <summary>The ids in index order; the interner should not be used afterwards.</summary>
    public IdColumn ToColumn() =>
        _texts is not null ? IdColumn.Texts([.. _texts.Values])
        : _prefix is not null ? (_numbers is not null ? IdColumn.PrefixedNumbers(_prefix, _digits, [.. _numbers]) : IdColumn.PrefixedConsecutive(_prefix, _digits, _first, Count))
        : _numbers is not null ? IdColumn.Numbers([.. _numbers])
        : IdColumn.Consecutive(_first, Count);

    /// <summary>The index of an order id that is a canonical integer (what <see cref="Intern(string)"/> would parse).</summary>
    public int Intern(long number) =>
        _texts is null && _prefix is null ? InternNumber(number) : Intern(number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private int InternNumber(long number)
    {
        if (_numberIndexes is null)
        {
            if (Count == 0)
            {
                _first = number;
                return Count++;
            }

            if (number >= _first && number - _first < Count)
            {
                return (int)(number - _first);
            }

            if (number == _first + Count)
            {
                return Count++;
            }

            // Out of sequence: from now on, a dictionary.
            _numberIndexes = new Dictionary<long, int>(Math.Max(16, Count * 2));
            _numbers = new List<long>(Math.Max(16, Count * 2));
            for (var i = 0; i < Count; i++)
            {
                _numberIndexes.Add(_first + i, i);
                _numbers.Add(_first + i);
            }
        }

        if (!_numberIndexes.TryGetValue(number, out var index))
        {
            index = Count++;
            _numberIndexes.Add(number, index);
            _numbers!.Add(number);
        }

        return index;
    }
}
