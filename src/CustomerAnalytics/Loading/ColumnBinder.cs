using System.Globalization;
using System.Runtime.CompilerServices;

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

    /// <summary>Fields two columns of the header both name (by one name twice, or by two accepted names): 0-based indexes.</summary>
    public List<(string Field, int First, int Second)> Ambiguous { get; } = [];

    /// <summary>The column map of the fields bound (<c>CustomerColumns</c>, …), as the first required field names it.</summary>
    public string Map { get; private set; } = string.Empty;

    public Column Required(IReadOnlyList<string> names, string map, string field)
    {
        Map = Map.Length == 0 ? map : Map;
        var column = Find(names, field);
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
    public Column Optional(IReadOnlyList<string> names, bool addLater = true, [CallerArgumentExpression(nameof(names))] string field = "")
    {
        var column = Find(names, field[(field.LastIndexOf('.') + 1)..]);
        if (addLater && !column.Exists && names.Count > 0 && reader.AddColumn(names) is var index and >= 0)
        {
            // A JSON property the first object lacks: later objects may have it, under any accepted name.
            return new Column(index, names[0]);
        }

        return column;
    }

    private Column Find(IReadOnlyList<string> names, string field)
    {
        foreach (var name in names)
        {
            var wanted = name.Trim();
            for (var i = 0; i < _headers.Length; i++)
            {
                if (string.Equals(_headers[i], wanted, StringComparison.OrdinalIgnoreCase))
                {
                    CheckUnique(names, field, i);
                    reader.AddAliases(names, i);
                    return new Column(i, _headers[i]);
                }
            }
        }

        return Column.Absent;
    }

    /// <summary>Records a second column that any accepted name of the field also matches (the first is then no safe guess).</summary>
    private void CheckUnique(IReadOnlyList<string> names, string field, int found)
    {
        for (var i = 0; i < _headers.Length; i++)
        {
            if (i != found && names.Any(n => string.Equals(_headers[i], n.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                Ambiguous.Add((field, Math.Min(i, found), Math.Max(i, found)));
                return;
            }
        }
    }

    /// <summary>The problem and hint of an ambiguous field.</summary>
    public (string Problem, string Hint) Describe((string Field, int First, int Second) ambiguous, string chosen)
    {
        var kind = Map.Replace("Columns", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var first = (ambiguous.First + 1).ToString(CultureInfo.InvariantCulture);
        var second = (ambiguous.Second + 1).ToString(CultureInfo.InvariantCulture);
        return (
            $"columns {first} '{_headers[ambiguous.First]}' and {second} '{_headers[ambiguous.Second]}' both name the {kind} field {ambiguous.Field}",
            $"Remove or rename one of them, or map the field to one header: LoadOptions.{Map} = {Map}.Default with {{ {ambiguous.Field} = [\"{chosen}\"] }}.");
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
