using System.Collections.Immutable;
using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Pipeline;

/// <summary>Makes a run's <see cref="RunAccount"/> from the loaders' reports and the join's report.</summary>
internal static class RunAccounting
{
    public static RunAccount Create(ImmutableArray<PipelineInput> inputs, EnrichmentReport join, int rowsListed, PipelineOptions options) =>
        RunAccount.Of(
            [.. inputs.Select(i => InputAccount.Of(i.Role, Path.GetFileName(i.Path), i.Report, i.Role is "transactions" or "order_lines" ? join : null))],
            join,
            rowsListed,
            RunAccount.LimitsOf(options.Load, options.Enrichment));
}
