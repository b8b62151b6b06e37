namespace CustomerAnalytics.Loading;

/// <summary>A column of the source: its index among the headers (−1 when absent) and its header name.</summary>
internal readonly record struct Column(int Index, string Name)
{
    public static Column Absent { get; } = new(-1, string.Empty);

    public bool Exists => Index >= 0;
}

/// <summary>Finds columns by header name: the first accepted name present wins, ignoring case and surrounding white space.</summary>
internal sealed class ColumnBinder(TabularReader reader)
{
    private readonly string[] _headers = [.. reader.Headers];

    private static readonly char[] OtherSeparators = [';', '\t', '|', ','];

    public List<(IReadOnlyList<string> Names, string Map, string Field)> Missing { get; } = [];

    public Column Required(IReadOnlyList<string> names, string map, string field)
    {
        var column = Find(names);
        if (!column.Exists)
        {
            Missing.Add((names, map, field));
        }

        return column;
    }

    /// <summary>
    /// An optional column; with <paramref name="addLater"/> a JSON property the first object lacks is still read from
    /// later objects, else the column is absent (as for a transaction id, whose absence numbers the rows).
    /// </summary>
    public Column Optional(IReadOnlyList<string> names, bool addLater = true)
    {
        var column = Find(names);
        if (addLater && !column.Exists && names.Count > 0 && reader.AddColumn(names[0]) is var index and >= 0)
        {
            // A JSON property the first object lacks: later objects may have it, under the first accepted name.
            return new Column(index, names[0]);
        }

        return column;
    }

    private Column Find(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            var wanted = name.Trim();
            for (var i = 0; i < _headers.Length; i++)
            {
                if (string.Equals(_headers[i], wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return new Column(i, _headers[i]);
                }
            }
        }

        return Column.Absent;
    }

    /// <summary>When the header is one column holding another separator, the advice to set it.</summary>
    public string? SeparatorHint(LoadOptions options)
    {
        if (_headers.Length != 1)
        {
            return null;
        }

        foreach (var separator in OtherSeparators)
        {
            if (separator != options.Separator && _headers[0].Contains(separator, StringComparison.Ordinal))
            {
                var shown = separator == '\t' ? "\\t" : separator.ToString();
                return $"The header is a single column containing '{shown}': the file looks '{shown}'-separated. Set LoadOptions.Separator = '{shown}' (or null to detect it).";
            }
        }

        return null;
    }

    public string HeadersFound => Quote(_headers);

    public static string Quote(IReadOnlyList<string> names) =>
        names.Count == 0 ? "(none)" : string.Join(", ", names.Select(n => $"'{n}'"));

    public static string Alternatives(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "(no name configured)",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
    };
}
