namespace CustomerAnalytics.Enrichment;

/// <summary>Options of an <see cref="EnrichedDatasetBuilder"/>. Immutable: derive variants with <c>with</c>.</summary>
public sealed record EnrichmentOptions
{
    /// <summary>The default options: unknown ids rejected, duplicate ids kept, 100 issues listed per kind.</summary>
    public static EnrichmentOptions Default { get; } = new();

    /// <summary>What to do with a transaction whose customer is unknown.</summary>
    /// <value>Defaults to <see cref="UnknownReferencePolicy.Reject"/>.</value>
    public UnknownReferencePolicy UnknownCustomers { get; init; } = UnknownReferencePolicy.Reject;

    /// <summary>What to do with a transaction whose product is unknown.</summary>
    /// <value>Defaults to <see cref="UnknownReferencePolicy.Reject"/>.</value>
    public UnknownReferencePolicy UnknownProducts { get; init; } = UnknownReferencePolicy.Reject;

    /// <summary>
    /// Whether a transaction whose customer or product is unknown, under <see cref="UnknownReferencePolicy.Reject"/>, is an
    /// error: <see cref="EnrichedDatasetBuilder.Build"/> then throws a <see cref="Loading.DataLoadException"/> listing such
    /// transactions (file, line, id) instead of leaving them out. <see cref="UnknownReferencePolicy.KeepAsUnknown"/> keeps
    /// them either way.
    /// </summary>
    /// <value>
    /// Defaults to <see langword="false"/> on a builder (rejected lines are left out and reported).
    /// <see cref="Pipeline.AnalyticsPipeline"/> turns it on when <see cref="Loading.LoadOptions.Mode"/> is
    /// <see cref="Loading.LoadMode.Strict"/>, so the join follows the load mode.
    /// </value>
    public bool StrictReferences { get; init; }

    /// <summary>What to do with a transaction whose id was seen before.</summary>
    /// <value>Defaults to <see cref="DuplicateTransactionPolicy.KeepAll"/>.</value>
    public DuplicateTransactionPolicy DuplicateTransactions { get; init; } = DuplicateTransactionPolicy.KeepAll;

    /// <summary>The segment and category given to customers and products created for unknown ids.</summary>
    /// <value>Defaults to <c>Unknown</c>.</value>
    public string UnknownLabel { get; init; } = "Unknown";

    /// <summary>How many issues of each kind the report lists in detail (all are counted).</summary>
    /// <value>Defaults to 100.</value>
    public int MaxListedIssuesPerKind { get; init; } = 100;

    /// <summary>How many cores <see cref="EnrichedDatasetBuilder.Build"/> may use for its pass over the rows.</summary>
    /// <value>
    /// Defaults to <see langword="null"/>: every core (<see cref="Environment.ProcessorCount"/>). The rows are split into
    /// ranges whose results (issues, kept rows) are joined in order, so the dataset and its report do not depend on it;
    /// under 65,536 rows one core does the pass.
    /// </value>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(UnknownCustomers))
        {
            errors.Add($"{nameof(UnknownCustomers)} is not a defined policy.");
        }

        if (!Enum.IsDefined(UnknownProducts))
        {
            errors.Add($"{nameof(UnknownProducts)} is not a defined policy.");
        }

        if (!Enum.IsDefined(DuplicateTransactions))
        {
            errors.Add($"{nameof(DuplicateTransactions)} is not a defined policy.");
        }

        if (string.IsNullOrWhiteSpace(UnknownLabel))
        {
            errors.Add($"{nameof(UnknownLabel)} must not be empty.");
        }

        if (MaxListedIssuesPerKind < 0)
        {
            errors.Add($"{nameof(MaxListedIssuesPerKind)} must not be negative.");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            errors.Add($"{nameof(MaxDegreeOfParallelism)} must be at least 1, or null for every core (was {MaxDegreeOfParallelism}).");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid EnrichmentOptions: " + string.Join(" ", errors));
        }
    }
}
