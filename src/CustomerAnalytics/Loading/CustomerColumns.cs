namespace CustomerAnalytics.Loading;

/// <summary>
/// The header names (or JSON property names) each customer field is read from. Each field lists accepted names;
/// the first one present wins, matched ignoring case and surrounding white space.
/// Map another file with <c>CustomerColumns.Default with { Id = ["CustomerID"] }</c>.
/// </summary>
public sealed record CustomerColumns
{
    /// <summary>The default names: the seed's <c>customer_id,segment,signup_date</c> and common aliases.</summary>
    public static CustomerColumns Default { get; } = new();

    /// <summary>Names of the required id column.</summary>
    /// <value>Defaults to <c>customer_id</c>, <c>customerid</c>, <c>customer</c>, <c>id</c>.</value>
    public IReadOnlyList<string> Id { get; init; } = ["customer_id", "customerid", "customer", "id"];

    /// <summary>Names of the required segment column.</summary>
    /// <value>Defaults to <c>segment</c>, <c>customer_segment</c>.</value>
    public IReadOnlyList<string> Segment { get; init; } = ["segment", "customer_segment"];

    /// <summary>Names of the optional signup date column.</summary>
    /// <value>Defaults to <c>signup_date</c>, <c>signup</c>, <c>created_at</c>.</value>
    public IReadOnlyList<string> SignupDate { get; init; } = ["signup_date", "signup", "created_at"];

    /// <summary>Names of the optional display name column.</summary>
    /// <value>Defaults to <c>name</c>, <c>customer_name</c>.</value>
    public IReadOnlyList<string> Name { get; init; } = ["name", "customer_name"];
}
