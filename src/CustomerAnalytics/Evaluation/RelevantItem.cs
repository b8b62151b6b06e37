namespace CustomerAnalytics.Evaluation;

/// <summary>One relevant (customer, product) pair of the ground truth: the customer bought the product in the test period.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ProductId">The product.</param>
public readonly record struct RelevantItem(string CustomerId, string ProductId);
