namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// What one range of the row pass kept: its first <see cref="Kept"/> rows (originally <see cref="KeptRows"/>, or the
/// range's first rows when <see langword="null"/>), and the issues it found.
/// </summary>
internal readonly record struct RangeResult(int Start, int End, int Kept, int[]? KeptRows, IssueCollector<EnrichmentIssueKind, EnrichmentIssue> Issues);
