namespace CustomerAnalytics.Enrichment;

/// <summary>The kinds of oddity an <see cref="EnrichmentReport"/> counts.</summary>
public enum EnrichmentIssueKind
{
    /// <summary>The transaction's customer id is not among the customers (rejected or kept as unknown, by policy).</summary>
    UnknownCustomer = 0,

    /// <summary>The transaction's product id is not among the products (rejected or kept as unknown, by policy).</summary>
    UnknownProduct = 1,

    /// <summary>No unit price on the line and no list price for the product, so revenue cannot be derived (rejected).</summary>
    MissingPrice = 2,

    /// <summary>The transaction id was seen before (kept or rejected, by policy).</summary>
    DuplicateTransactionId = 3,

    /// <summary>The quantity is zero (kept).</summary>
    ZeroQuantity = 4,

    /// <summary>The quantity is negative: a return, which reduces revenue (kept).</summary>
    Return = 5,

    /// <summary>The purchase happened before the customer's signup date (kept).</summary>
    PurchaseBeforeSignup = 6,

    /// <summary>A customer or product id was added twice; the first record is kept.</summary>
    DuplicateDimensionId = 7,

    /// <summary>The line's revenue has more than four decimal places or is too large to keep exactly (rejected).</summary>
    MoneyOutOfRange = 8,
}
