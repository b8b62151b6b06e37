namespace CustomerAnalytics.Internal;

/// <summary>
/// Collects one id per row as cheaply as the ids allow (see <see cref="IdColumn"/>): nothing while they are
/// consecutive integers, 8 bytes each while they are integers, and strings from the first id that is not.
/// </summary>
internal sealed class IdAccumulator
{
    private long _first;
    private ChunkedColumn<long>? _numbers;
    private ChunkedColumn<string>? _texts;

    public int Count { get; private set; }

    public void Add(string id)
    {
        if (_texts is null && CanonicalInteger.TryParse(id, out var number))
        {
            Add(number);
            return;
        }

        if (_texts is null)
        {
            // First id that is not a plain integer: keep every id as text from now on.
            var previous = ToColumn();
            _texts = new ChunkedColumn<string>();
            for (var i = 0; i < previous.Count; i++)
            {
                _texts.Add(previous[i]);
            }

            _numbers = null;
        }

        _texts.Add(id);
        Count++;
    }

    public void Add(long number)
    {
        if (_texts is not null)
        {
            _texts.Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (_numbers is not null)
        {
            _numbers.Add(number);
        }
        else if (Count == 0)
        {
            _first = number;
        }
        else if (number != _first + Count)
        {
            _numbers = new ChunkedColumn<long>();
            for (var i = 0; i < Count; i++)
            {
                _numbers.Add(_first + i);
            }

            _numbers.Add(number);
        }

        Count++;
    }

    /// <summary>Adds every id of <paramref name="ids"/>, with <paramref name="offset"/> added to numeric ones.</summary>
    public void AddRange(IdColumn ids, long offset)
    {
        if (!ids.IsNumeric)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                Add(ids[i]);
            }

            return;
        }

        // Consecutive ids that continue consecutive ids (a file's parts, numbered or with rising ids) cost nothing.
        if (_texts is null && _numbers is null && ids.IsConsecutive && ids.Count > 0 && (Count == 0 || ids.NumberAt(0) + offset == _first + Count))
        {
            if (Count == 0)
            {
                _first = ids.NumberAt(0) + offset;
            }

            Count += ids.Count;
            return;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            Add(ids.NumberAt(i) + offset);
        }
    }

    /// <summary>The ids collected; the accumulator should not be used afterwards.</summary>
    public IdColumn ToColumn() =>
        _texts is not null ? IdColumn.Texts(_texts.ToArray())
        : _numbers is not null ? IdColumn.Numbers(_numbers.ToArray())
        : IdColumn.Consecutive(_first, Count);
}
