using System.Runtime.InteropServices;

namespace CustomerAnalytics.Internal;

/// <summary>Maps strings to dense indexes 0, 1, 2, … in order of first appearance (ordinal comparison).</summary>
internal sealed class Interner
{
    private readonly Dictionary<string, int> _indexes;
    private readonly List<string> _values;

    public Interner(int capacity = 0)
    {
        _indexes = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _values = new List<string>(capacity);
    }

    public int Count => _values.Count;

    public IReadOnlyList<string> Values => _values;

    public int Intern(string value)
    {
        // One probe whether the value is new or not.
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_indexes, value, out var exists);
        if (!exists)
        {
            index = _values.Count;
            _values.Add(value);
        }

        return index;
    }

    public bool TryGetIndex(string value, out int index) => _indexes.TryGetValue(value, out index);

    public string this[int index] => _values[index];
}
