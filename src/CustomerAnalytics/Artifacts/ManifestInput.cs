namespace CustomerAnalytics.Artifacts;

/// <summary>One input of a run, as <c>manifest.json</c> lists it.</summary>
/// <param name="Role">What the input held: <c>customers</c>, <c>products</c>, <c>transactions</c> or <c>order_lines</c>.</param>
/// <param name="Name">The source name (the file name for files).</param>
/// <param name="Bytes">The size of the file in bytes; <see langword="null"/> for a source that is not a file.</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsLoaded">Rows loaded.</param>
/// <param name="RowsRejected">Rows rejected (listed in <c>rejected_rows.csv</c> up to the options' limit).</param>
/// <param name="Warnings">Warnings about rows that were loaded.</param>
public sealed record ManifestInput(string Role, string Name, long? Bytes, long RowsRead, long RowsLoaded, long RowsRejected, long Warnings);
