using System.Data.Common;

namespace CustomerAnalytics.Sql;

/// <summary>
/// A validated <see cref="SqlSource"/> with one column chosen per part: the first accepted name the relation has
/// (ignoring case), or, without a connection, the first name listed (an empty list means the column is absent).
/// </summary>
internal sealed class SqlBinding
{
    private readonly Dictionary<SqlColumnPart, string?> _columns;

    private SqlBinding(SqlSource source, Dictionary<SqlColumnPart, string?> columns)
    {
        Source = source;
        _columns = columns;
    }

    public SqlSource Source { get; }

    /// <summary>The column of a part as the relation spells it, or <see langword="null"/> when the part is absent.</summary>
    public string? this[SqlColumnPart part] => _columns[part];

    /// <summary>Binds each part to its first listed name, without looking at the database.</summary>
    public static SqlBinding FirstNames(SqlSource source)
    {
        source.Validate();
        return Bind(source, (role, _) => role.Names.Count > 0 ? role.Names[0] : null, null);
    }

    /// <summary>Binds each part to the first listed name the relation has, reading the relations' column names from the database.</summary>
    public static async Task<SqlBinding> ResolveAsync(DbConnection connection, SqlSource source, CancellationToken cancellationToken)
    {
        source.Validate();
        var columns = new Dictionary<SqlSourceTable, string[]>
        {
            [SqlSourceTable.Customers] = await ColumnsOfAsync(connection, source.Customers, cancellationToken).ConfigureAwait(false),
            [SqlSourceTable.Products] = await ColumnsOfAsync(connection, source.Products, cancellationToken).ConfigureAwait(false),
            [SqlSourceTable.Transactions] = await ColumnsOfAsync(connection, source.Transactions, cancellationToken).ConfigureAwait(false),
        };
        return Bind(source, (role, available) => PreferListed(role, available!), columns);
    }

    /// <summary>The first listed name the relation has, spelled as the relation spells it.</summary>
    private static string? PreferListed(SqlColumnRole role, string[] available)
    {
        foreach (var name in role.Names)
        {
            foreach (var column in available)
            {
                if (string.Equals(name, column.Trim(), StringComparison.OrdinalIgnoreCase) && SqlIdentifier.IsPlain(column))
                {
                    return column;
                }
            }
        }

        return null;
    }

    private static SqlBinding Bind(SqlSource source, Func<SqlColumnRole, string[]?, string?> choose, Dictionary<SqlSourceTable, string[]>? columns)
    {
        var bound = new Dictionary<SqlColumnPart, string?>();
        var errors = new List<string>();
        foreach (var role in SqlColumnRole.Of(source))
        {
            var available = columns?[role.Table];
            var column = choose(role, available);
            bound[role.Part] = column;
            if (column is null && role.Required)
            {
                errors.Add($"The {role.Table.ToString().ToLowerInvariant()} relation {RelationOf(source, role.Table)} has no {role.Description} column: looked for {string.Join(", ", role.Names)} (ignoring case) among its columns {string.Join(", ", available ?? [])}. Name it in SqlSource.{role.Property} (for example {role.Property.Split('.')[0]}.Default with {{ {role.Property.Split('.')[1]} = [\"{available?.FirstOrDefault() ?? "column"}\"] }}).");
            }
        }

        if (errors.Count == 0 && bound[SqlColumnPart.LineTotal] is null && bound[SqlColumnPart.UnitPrice] is null && bound[SqlColumnPart.ListPrice] is null)
        {
            errors.Add($"No price: the transactions relation {source.Transactions} has no line total or unit price column and the products relation {source.Products} has no list price column, so no line has a revenue. Name one in SqlSource.TransactionColumns.LineTotal, TransactionColumns.UnitPrice or ProductColumns.Price.");
        }

        return errors.Count == 0 ? new SqlBinding(source, bound) : throw new InvalidOperationException(string.Join(" ", errors));
    }

    private static string RelationOf(SqlSource source, SqlSourceTable table) => table switch
    {
        SqlSourceTable.Customers => source.Customers.ToString(),
        SqlSourceTable.Products => source.Products.ToString(),
        _ => source.Transactions.ToString(),
    };

    /// <summary>The column names of a relation, from an empty result set.</summary>
    private static Task<string[]> ColumnsOfAsync(DbConnection connection, SqlRelation relation, CancellationToken cancellationToken) =>
        SqlCommands.ReadAsync(connection, "SELECT * FROM " + relation.ToFromClause() + " AS r WHERE 1 = 0", [], (reader, _) =>
        {
            var names = new string[reader.FieldCount];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = reader.GetName(i);
            }

            return Task.FromResult(names);
        }, cancellationToken);
}
