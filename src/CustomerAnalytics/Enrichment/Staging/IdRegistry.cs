using System.Text;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// The ids of one dimension (customers or products) while staging: each id's dense index, found by its string or by
/// its UTF-8 bytes (one table each, filled together), and the record added for it (<see langword="null"/> while the id
/// is only referenced). A part of a parallel load keeps its new ids as bytes only (<see cref="ForPart"/>): most recur
/// in the other parts, and <see cref="MapFrom"/> looks them up by their bytes in the registry the part joins.
/// </summary>
/// <typeparam name="T">The record: <see cref="Model.Customer"/> or <see cref="Model.Product"/>.</typeparam>
internal sealed class IdRegistry<T>
    where T : class
{
    private readonly Interner? _strings;
    private readonly Utf8KeyList? _partKeys;
    private readonly Utf8IdTable _bytes = new();
    private readonly List<T?> _records = [];

    private IdRegistry(bool part)
    {
        if (part)
        {
            _partKeys = new Utf8KeyList();
        }
        else
        {
            _strings = new Interner();
        }
    }

    /// <summary>The number of ids, added or only referenced.</summary>
    public int Count => _records.Count;

    /// <summary>By index, the record added, or <see langword="null"/> for an id only referenced.</summary>
    public IReadOnlyList<T?> Records => _records;

    /// <summary>The id of an index (not in a part: a part keeps bytes only).</summary>
    public string this[int index] => Strings[index];

    private Interner Strings => _strings ?? throw new InvalidOperationException("A part's registry keeps its ids as bytes only.");

    /// <summary>A registry that keeps each id as a string and as bytes.</summary>
    public static IdRegistry<T> Create() => new(part: false);

    /// <summary>A registry for one part of a parallel load: ids by their bytes only, no string each.</summary>
    public static IdRegistry<T> ForPart() => new(part: true);

    /// <summary>The index of an id, registered (its record not yet known) when new.</summary>
    public int IndexOf(string id)
    {
        var index = Strings.Intern(id);
        if (index == _records.Count)
        {
            _records.Add(null);
        }

        return index;
    }

    /// <summary>The index of an id given as UTF-8: looked up by its bytes, registered when new.</summary>
    public int IndexOf(ReadOnlySpan<byte> id)
    {
        if (_partKeys is not null)
        {
            // A part: one hash per id, the next index taken when it is new.
            var count = _records.Count;
            var partIndex = _bytes.GetOrAdd(id, count);
            if (partIndex == count && _bytes.Count > count)
            {
                _records.Add(null);
                _partKeys.Add(id);
            }

            return partIndex;
        }

        if (!_bytes.TryGetValue(id, out var index))
        {
            // New here by its bytes (it may be known by its string already): the string finds its index.
            index = IndexOf(Encoding.UTF8.GetString(id));
            _bytes.Add(id, index);
        }

        return index;
    }

    /// <summary>Adds the record of an id; <see langword="false"/> (and the record ignored) when one was added already.</summary>
    public bool TryAdd(string id, T record)
    {
        var index = IndexOf(id);
        if (_records[index] is not null)
        {
            return false;
        }

        _records[index] = record;
        return true;
    }

    /// <summary>Whether a record was added for <paramref name="id"/>.</summary>
    public bool HasRecord(string id) => Strings.TryGetIndex(id, out var index) && _records[index] is not null;

    /// <summary>The index here of each id of <paramref name="part"/>, in its order of first appearance there (new ones registered).</summary>
    public int[] MapFrom(IdRegistry<T> part)
    {
        var keys = part._partKeys ?? throw new InvalidOperationException("Only a part's registry can be mapped.");
        var map = new int[keys.Count];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = IndexOf(keys[i]);
        }

        return map;
    }
}
