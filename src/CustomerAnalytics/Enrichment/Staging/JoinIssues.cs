using System.Globalization;
using CustomerAnalytics.Internal;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>Every issue the staging and the join report, its text in one place.</summary>
internal static class JoinIssues
{
    /// <summary>A collector of the join's issues, up to <paramref name="maxPerKind"/> listed per kind.</summary>
    public static IssueCollector<EnrichmentIssueKind, EnrichmentIssue> Collector(int maxPerKind) => new(maxPerKind, static issue => issue.Kind);

    public static EnrichmentIssue DuplicateCustomer(string customerId) =>
        new(EnrichmentIssueKind.DuplicateDimensionId, true, null, customerId, null, $"Customer '{customerId}' was added twice; the first record is kept.");

    public static EnrichmentIssue DuplicateProduct(string productId) =>
        new(EnrichmentIssueKind.DuplicateDimensionId, true, null, null, productId, $"Product '{productId}' was added twice; the first record is kept.");

    public static EnrichmentIssue InexactMoney(Transaction transaction) =>
        new(EnrichmentIssueKind.MoneyOutOfRange, true, transaction.Id, transaction.CustomerId, transaction.ProductId, $"Transaction '{transaction.Id}' has a price or total with more than {Money.Scale} decimal places or too large to keep exactly.");

    public static EnrichmentIssue UnknownCustomer(bool rejected, string id, string customerId, string productId) =>
        new(EnrichmentIssueKind.UnknownCustomer, rejected, id, customerId, productId, $"Transaction '{id}' names customer '{customerId}', which is not among the customers.");

    public static EnrichmentIssue UnknownProduct(bool rejected, string id, string customerId, string productId) =>
        new(EnrichmentIssueKind.UnknownProduct, rejected, id, customerId, productId, $"Transaction '{id}' names product '{productId}', which is not among the products.");

    public static EnrichmentIssue DuplicateTransactionId(bool dropped, string id, string customerId, string productId, int firstRow) =>
        new(EnrichmentIssueKind.DuplicateTransactionId, dropped, id, customerId, productId, $"Transaction id '{id}' appears again (first at row {firstRow + 1}).");

    public static EnrichmentIssue MissingPrice(string id, string customerId, string productId) =>
        new(EnrichmentIssueKind.MissingPrice, true, id, customerId, productId, $"Transaction '{id}' has no unit price and product '{productId}' has no list price.");

    public static EnrichmentIssue RevenueOutOfRange(string id, string customerId, string productId) =>
        new(EnrichmentIssueKind.MoneyOutOfRange, true, id, customerId, productId, $"Transaction '{id}': quantity × unit price is too large to keep exactly.");

    /// <summary>A zero quantity or a return (negative quantity).</summary>
    public static EnrichmentIssue Quantity(string id, string customerId, string productId, int quantity) => quantity == 0
        ? new(EnrichmentIssueKind.ZeroQuantity, false, id, customerId, productId, $"Transaction '{id}' has quantity 0.")
        : new(EnrichmentIssueKind.Return, false, id, customerId, productId, $"Transaction '{id}' is a return of {(-quantity).ToString(CultureInfo.InvariantCulture)} unit(s).");

    public static EnrichmentIssue BeforeSignup(string id, string customerId, string productId, long utcTicks, DateOnly signup) =>
        new(EnrichmentIssueKind.PurchaseBeforeSignup, false, id, customerId, productId, $"Transaction '{id}' on {new DateTime(utcTicks, DateTimeKind.Utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is before customer '{customerId}' signed up ({signup.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).");
}
