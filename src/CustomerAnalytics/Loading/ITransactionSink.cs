namespace CustomerAnalytics.Loading;

/// <summary>
/// Where a transaction parser puts its good rows, one call per row: a list of records (<c>Load</c>,
/// <see cref="TransactionRecordSink"/>), a builder's staging (<c>LoadInto</c>) or a part's staging in a parallel load
/// (both <see cref="StagingRowSink"/>).
/// </summary>
internal interface ITransactionSink
{
    /// <summary>Takes one good row; its spans are valid only during the call.</summary>
    void Add(scoped in TransactionRow row);
}
