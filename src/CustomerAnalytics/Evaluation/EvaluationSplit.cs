using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Evaluation;

/// <summary>
/// A dataset split for offline evaluation, as <see cref="DatasetSplitter"/> makes it: the rows to learn from, the rows
/// held out, and the truth derived from the held-out rows. Both parts keep the source's customers and products (same
/// indexes), so a customer with no training rows is still known to a model fitted on <see cref="Train"/>.
/// </summary>
public sealed record EvaluationSplit
{
    /// <summary>How the split was made, for reports (for example <c>time cut-off 2011-09-01T00:00:00Z</c>).</summary>
    public required string Description { get; init; }

    /// <summary>The rows to fit on.</summary>
    public required EnrichedDataset Train { get; init; }

    /// <summary>The held-out rows.</summary>
    public required EnrichedDataset Test { get; init; }

    /// <summary>
    /// The ground truth: each (customer, product) with a positive-quantity line in <see cref="Test"/>, once, ordered by
    /// customer index then product index.
    /// </summary>
    public required ImmutableArray<RelevantItem> Truth { get; init; }

    /// <summary>
    /// The part of <see cref="Truth"/> the customer had not bought in <see cref="Train"/>: what a recommender that excludes
    /// past purchases can possibly hit.
    /// </summary>
    public required ImmutableArray<RelevantItem> NewProductTruth { get; init; }
}
