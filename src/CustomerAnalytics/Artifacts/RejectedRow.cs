using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Artifacts;

/// <summary>One row of <c>rejected_rows.csv</c>: a row a loader rejected, or a transaction the enrichment left out.</summary>
/// <param name="Stage"><c>load</c> or <c>enrich</c>.</param>
/// <param name="Source">The file or source name the row was loaded from; empty for a transaction added as an object.</param>
/// <param name="Line">The 1-based line of the row in the source; 0 when not tied to a line.</param>
/// <param name="Column">The column at fault, when known.</param>
/// <param name="Value">The offending raw value, when known (and not hidden by the options).</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Expected">What was expected.</param>
/// <param name="Hint">How to relax the check, when there is a way.</param>
public sealed record RejectedRow(string Stage, string Source, long Line, string? Column, string? Value, string Problem, string Expected, string? Hint)
{
    /// <summary>The row for a load diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>The row, stage <c>load</c>.</returns>
    public static RejectedRow FromDiagnostic(LoadDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new RejectedRow("load", diagnostic.Source, diagnostic.Line, diagnostic.Column, diagnostic.Value, diagnostic.Problem, diagnostic.Expected, diagnostic.Hint);
    }

    /// <summary>The row for an enrichment issue that left a transaction out.</summary>
    /// <param name="issue">The issue.</param>
    /// <returns>The row, stage <c>enrich</c>.</returns>
    public static RejectedRow FromIssue(EnrichmentIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var (column, value, expected, hint) = issue.Kind switch
        {
            EnrichmentIssueKind.UnknownCustomer => ("customer_id", issue.CustomerId, "a customer id present in the customers file", "Set EnrichmentOptions.UnknownCustomers = KeepAsUnknown to keep such lines under an 'Unknown' segment."),
            EnrichmentIssueKind.UnknownProduct => ("product_id", issue.ProductId, "a product id present in the products file", "Set EnrichmentOptions.UnknownProducts = KeepAsUnknown to keep such lines under an 'Unknown' category."),
            EnrichmentIssueKind.MissingPrice => ("price", null, "a unit price on the line or a list price for the product", null),
            EnrichmentIssueKind.DuplicateTransactionId => ("txn_id", issue.TransactionId, "a transaction id not seen before", "Set EnrichmentOptions.DuplicateTransactions = KeepAll to keep repeated ids."),
            EnrichmentIssueKind.DuplicateDimensionId => ("id", issue.CustomerId ?? issue.ProductId, "an id not seen before", null),
            EnrichmentIssueKind.MoneyOutOfRange => ("price", null, "money with at most 4 decimal places", null),
            _ => ((string?)null, (string?)null, "a valid transaction", (string?)null),
        };
        return new RejectedRow("enrich", issue.Source ?? string.Empty, issue.Line, column, value, issue.Detail, expected, hint);
    }
}
