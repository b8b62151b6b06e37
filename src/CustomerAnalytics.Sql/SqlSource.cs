using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Sql;

/// <summary>
/// Where customers, products and transactions live in a database, and which columns play which part, in the same
/// vocabulary as the file loaders (<see cref="Loading.CustomerColumns"/>, <see cref="Loading.ProductColumns"/>,
/// <see cref="Loading.TransactionColumns"/>): each part lists accepted names, the first one the relation has wins
/// (ignoring case). Immutable: derive variants with <c>with</c>.
/// </summary>
/// <remarks>
/// Every table and column name must be a plain identifier (or <c>schema.identifier</c> for a table): the SQL quotes
/// them, and <see cref="Validate"/> rejects anything else, so no SQL can be injected through a name. Columns no KPI
/// needs (names, signup dates) are not read; the timestamp is read by the time-based KPIs only.
/// </remarks>
public sealed record SqlSource
{
    /// <summary>The default source: tables <c>customers</c>, <c>products</c> and <c>transactions</c> with the loaders' default column names.</summary>
    public static SqlSource Default { get; } = new();

    /// <summary>The customers: one row per customer id (a primary key; duplicates would count a line twice).</summary>
    /// <value>Defaults to the table <c>customers</c>.</value>
    public SqlRelation Customers { get; init; } = SqlRelation.Table("customers");

    /// <summary>The products: one row per product id (a primary key).</summary>
    /// <value>Defaults to the table <c>products</c>.</value>
    public SqlRelation Products { get; init; } = SqlRelation.Table("products");

    /// <summary>The transaction lines.</summary>
    /// <value>Defaults to the table <c>transactions</c>.</value>
    public SqlRelation Transactions { get; init; } = SqlRelation.Table("transactions");

    /// <summary>The names of the customers' columns: <see cref="CustomerColumns.Id"/> and <see cref="CustomerColumns.Segment"/> are used.</summary>
    /// <value>Defaults to <see cref="CustomerColumns.Default"/>.</value>
    public CustomerColumns CustomerColumns { get; init; } = CustomerColumns.Default;

    /// <summary>The names of the products' columns: id, category and (optional) list price are used.</summary>
    /// <value>Defaults to <see cref="ProductColumns.Default"/>.</value>
    public ProductColumns ProductColumns { get; init; } = ProductColumns.Default;

    /// <summary>The names of the transactions' columns: customer id, product id, quantity and the optional unit price, order id, line total and timestamp (needed by the time-based KPIs) are used.</summary>
    /// <value>Defaults to <see cref="TransactionColumns.Default"/>.</value>
    public TransactionColumns TransactionColumns { get; init; } = TransactionColumns.Default;

    /// <summary>Checks the source, listing every problem: relation names and every column name must be plain identifiers, required parts must name a column.</summary>
    /// <exception cref="ArgumentException">One or more names are invalid; the message names each property, the value and the rule.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        CheckRelation(errors, nameof(Customers), Customers);
        CheckRelation(errors, nameof(Products), Products);
        CheckRelation(errors, nameof(Transactions), Transactions);
        foreach (var role in SqlColumnRole.Of(this))
        {
            if (role.Names is null || (role.Required && role.Names.Count == 0))
            {
                errors.Add($"{role.Property} is empty; it needs the name of the {role.Description} column.");
                continue;
            }

            for (var i = 0; i < role.Names.Count; i++)
            {
                if (!SqlIdentifier.IsPlain(role.Names[i]))
                {
                    errors.Add($"{role.Property}[{i}] is '{role.Names[i]}', which is not {SqlIdentifier.Rule}; give the column a plain name, or rename it in a view or a SqlRelation.FromQuery.");
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid SqlSource: " + string.Join(" ", errors));
        }
    }

    private static void CheckRelation(List<string> errors, string property, SqlRelation? relation)
    {
        if (relation is null)
        {
            errors.Add($"{property} is null.");
        }
        else if (relation.TableName is { } name && !SqlIdentifier.IsPlainQualified(name))
        {
            errors.Add($"{property} is the table '{name}', which is not a table name: it must be {SqlIdentifier.Rule}, or two of them as schema.table; use SqlRelation.FromQuery for anything else.");
        }
    }
}
