namespace CustomerAnalytics.Model;

/// <summary>A customer: the buyer of transactions, belonging to one segment.</summary>
/// <param name="Id">The customer's identifier, compared ordinally. Must not be empty.</param>
/// <param name="Segment">The segment the customer belongs to (for example <c>Consumer</c>, a country or a demographic band).</param>
/// <param name="SignupDate">The date the customer signed up, when known.</param>
/// <param name="Name">An optional display name.</param>
public sealed record Customer(string Id, string Segment, DateOnly? SignupDate = null, string? Name = null);
