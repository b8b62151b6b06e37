using System.Collections.Immutable;

namespace CustomerAnalytics.Sql;

/// <summary>The values of one query's parameters, numbered <c>$1</c>, <c>$2</c>, … in the order they are added.</summary>
internal sealed class SqlParameters
{
    private readonly List<object> _values = [];

    /// <summary>Adds a value and returns its placeholder.</summary>
    public string Add(object value)
    {
        _values.Add(value);
        return SqlDialectRules.Parameter(_values.Count);
    }

    public ImmutableArray<object> ToImmutableArray() => [.. _values];
}
