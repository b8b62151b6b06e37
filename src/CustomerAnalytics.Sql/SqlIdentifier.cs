namespace CustomerAnalytics.Sql;

/// <summary>The identifiers accepted from configuration, and their quoting (the same in both dialects: double quotes).</summary>
internal static class SqlIdentifier
{
    /// <summary>PostgreSQL truncates longer identifiers; longer names are rejected rather than silently changed.</summary>
    public const int MaxLength = 63;

    /// <summary>What a valid identifier looks like, for messages.</summary>
    public const string Rule = "a plain SQL identifier: a letter or underscore, then letters, digits or underscores, at most 63 characters";

    /// <summary>Whether <paramref name="name"/> is a plain identifier (ASCII letter or underscore, then letters, digits, underscores).</summary>
    public static bool IsPlain(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="name"/> is a plain identifier or <c>schema.identifier</c>.</summary>
    public static bool IsPlainQualified(string? name)
    {
        if (name is null)
        {
            return false;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? IsPlain(name) : IsPlain(name[..dot]) && IsPlain(name[(dot + 1)..]);
    }

    /// <summary>The quoted identifier; only ever called on names that passed <see cref="IsPlain"/>.</summary>
    public static string Quote(string name) =>
        IsPlain(name) ? "\"" + name + "\"" : throw new ArgumentException($"'{name}' is not {Rule}.", nameof(name));

    /// <summary>The quoted <c>name</c> or <c>"schema"."name"</c>.</summary>
    public static string QuoteQualified(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? Quote(name) : Quote(name[..dot]) + "." + Quote(name[(dot + 1)..]);
    }
}
