using System.Text;

namespace CustomerAnalytics.Loading;

/// <summary>
/// The customers or the products an order-lines source names, by dense index in order of first appearance, each with
/// the label (segment or category) of its first line and the first name any of its lines gives.
/// </summary>
internal sealed class AttributeTable
{
    private readonly Utf8Interner _ids = new();
    private readonly List<(string Label, string? Name)> _rows = [];

    public int Count => _rows.Count;

    public string Id(int index) => _ids[index];

    public string Label(int index) => _rows[index].Label;

    public string? Name(int index) => _rows[index].Name;

    /// <summary>The dense index of an id, new ones added (their attributes follow with <see cref="Add"/>).</summary>
    public int IndexOf(ReadOnlySpan<byte> id) => _ids.IndexOf(id);

    /// <summary>Whether the id of <paramref name="index"/> has no attributes yet (its first line).</summary>
    public bool IsNew(int index) => index == _rows.Count;

    public bool NeedsName(int index) => _rows[index].Name is null;

    public void Add(string label, string? name) => _rows.Add((label, name));

    public void SetName(int index, string name) => _rows[index] = _rows[index] with { Name = name };

    /// <summary>
    /// Takes in the table of a later part of the same source, so that the result is the table of both parts read in
    /// order: new ids keep their attributes, known ones only take a name they lack.
    /// </summary>
    public void Absorb(AttributeTable later)
    {
        for (var i = 0; i < later.Count; i++)
        {
            var index = IndexOf(Encoding.UTF8.GetBytes(later.Id(i)));
            if (IsNew(index))
            {
                Add(later.Label(i), later.Name(i));
            }
            else if (NeedsName(index) && later.Name(i) is { } name)
            {
                SetName(index, name);
            }
        }
    }
}
