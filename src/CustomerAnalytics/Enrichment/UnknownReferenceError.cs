using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Enrichment;

/// <summary>
/// The error of a strict join (<see cref="EnrichmentOptions.StrictReferences"/>): the transactions whose customer or
/// product is unknown under <see cref="UnknownReferencePolicy.Reject"/>, listed as a loader lists its rows (file, line,
/// column, id), with the options that would keep or leave them out.
/// </summary>
internal static class UnknownReferenceError
{
    /// <summary>The hint on an unknown customer (the tool replaces it by its flags).</summary>
    public const string CustomerHint = "Keep such lines under the 'Unknown' segment with EnrichmentOptions.UnknownCustomers = UnknownReferencePolicy.KeepAsUnknown (PipelineOptions.Enrichment), or leave them out and report them with LoadMode.Lenient (on a builder: EnrichmentOptions.StrictReferences = false).";

    /// <summary>The hint on an unknown product.</summary>
    public const string ProductHint = "Keep such lines under the 'Unknown' category with EnrichmentOptions.UnknownProducts = UnknownReferencePolicy.KeepAsUnknown (PipelineOptions.Enrichment), or leave them out and report them with LoadMode.Lenient (on a builder: EnrichmentOptions.StrictReferences = false).";

    /// <summary>The exception for the report's unknown references that are errors; <see langword="null"/> when there are none.</summary>
    public static DataLoadException? Create(EnrichmentReport report, EnrichmentOptions options)
    {
        var customers = options.UnknownCustomers == UnknownReferencePolicy.Reject;
        var products = options.UnknownProducts == UnknownReferencePolicy.Reject;
        var total = (customers ? report.Count(EnrichmentIssueKind.UnknownCustomer) : 0) + (products ? report.Count(EnrichmentIssueKind.UnknownProduct) : 0);
        if (total == 0)
        {
            return null;
        }

        var diagnostics = new List<LoadDiagnostic>();
        foreach (var issue in report.Issues)
        {
            if (issue.Kind == EnrichmentIssueKind.UnknownCustomer && customers)
            {
                diagnostics.Add(Diagnostic(issue, "customer_id", issue.CustomerId, $"customer '{issue.CustomerId}' is not among the customers", "a customer id present in the customers", CustomerHint));
            }
            else if (issue.Kind == EnrichmentIssueKind.UnknownProduct && products)
            {
                diagnostics.Add(Diagnostic(issue, "product_id", issue.ProductId, $"product '{issue.ProductId}' is not among the products", "a product id present in the products", ProductHint));
            }
        }

        return new DataLoadException(diagnostics, total, lenientWouldHelp: true, listLimit: $"EnrichmentOptions.{nameof(EnrichmentOptions.MaxListedIssuesPerKind)}");
    }

    private static LoadDiagnostic Diagnostic(EnrichmentIssue issue, string column, string? value, string problem, string expected, string hint) =>
        new(issue.Source ?? "transactions", issue.Line, column, value, $"transaction '{issue.TransactionId}': {problem}", expected, hint);
}
