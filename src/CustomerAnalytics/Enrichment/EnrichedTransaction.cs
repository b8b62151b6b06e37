namespace CustomerAnalytics.Enrichment;

/// <summary>A row view of one transaction of an <see cref="EnrichedDataset"/>, joined with its customer and product.</summary>
/// <param name="Row">The 0-based row of the transaction in the dataset.</param>
/// <param name="TransactionId">The transaction's id.</param>
/// <param name="OrderId">The order the line belongs to (the transaction id when the source has no orders).</param>
/// <param name="CustomerId">The customer's id.</param>
/// <param name="Segment">The customer's segment.</param>
/// <param name="SignupDate">The customer's signup date, when known.</param>
/// <param name="ProductId">The product's id.</param>
/// <param name="Category">The product's category.</param>
/// <param name="Quantity">Units bought; negative for a return.</param>
/// <param name="UnitPrice">The unit price that applied (the line's own, else the list price); <see langword="null"/> when the line brought only a total.</param>
/// <param name="Revenue">The line's revenue, exact.</param>
/// <param name="Timestamp">When it happened, in UTC.</param>
public readonly record struct EnrichedTransaction(
    int Row,
    string TransactionId,
    string OrderId,
    string CustomerId,
    string Segment,
    DateOnly? SignupDate,
    string ProductId,
    string Category,
    int Quantity,
    decimal? UnitPrice,
    decimal Revenue,
    DateTimeOffset Timestamp);
