namespace CustomerAnalytics.Artifacts;

/// <summary>The sizes of the dataset a run built, as <c>manifest.json</c> lists them.</summary>
/// <param name="Customers">Customers in the dataset (bought or not).</param>
/// <param name="Products">Products in the dataset (sold or not).</param>
/// <param name="TransactionsRead">Transactions that reached the dataset builder.</param>
/// <param name="TransactionsKept">Transactions in the dataset.</param>
/// <param name="TransactionsRejected">Transactions the enrichment left out.</param>
/// <param name="Orders">Distinct orders.</param>
/// <param name="RowsRejectedOnLoad">Rows the loaders rejected, over all inputs.</param>
public sealed record ManifestCounts(int Customers, int Products, int TransactionsRead, int TransactionsKept, int TransactionsRejected, int Orders, long RowsRejectedOnLoad);
