using System.Text;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Turns UTF-8 values into strings, allocating each distinct value once: ids repeat on millions of rows, and the
/// builder keys its tables by string, so one instance per id saves both time and memory. The look-up is a
/// <see cref="Utf8IdTable"/>, where a short id costs one cache line.
/// </summary>
internal sealed class Utf8Interner
{
    private readonly Utf8IdTable _indexes = new();
    private string[] _values = new string[128];

    public int Count => _indexes.Count;

    /// <summary>The string of a dense index returned by <see cref="IndexOf"/>.</summary>
    public string this[int index] => _values[index];

    /// <summary>The value as a string, allocated the first time only.</summary>
    public string Intern(ReadOnlySpan<byte> utf8)
    {
        // Not `_values[IndexOf(utf8)]`: C# reads the field before the call, and an add that grows the array would
        // then index the old array, where the new value is missing.
        var index = IndexOf(utf8);
        return _values[index];
    }

    /// <summary>The dense index (0, 1, 2, … in order of first appearance) of the value, added when new.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8)
    {
        // One hash per call: the table adds the value under the next index when it is new.
        var count = _indexes.Count;
        var index = _indexes.GetOrAdd(utf8, count);
        if (_indexes.Count == count)
        {
            return index;
        }

        if (index == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        _values[index] = Encoding.UTF8.GetString(utf8);
        return index;
    }
}
