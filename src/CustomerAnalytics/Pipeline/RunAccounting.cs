using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Pipeline;

/// <summary>Makes a run's <see cref="RunAccount"/> from the loaders' reports and the join's report.</summary>
internal static class RunAccounting
{
    /// <summary>The account name of a reason the join leaves a row out: <c>unknown_customer</c>, <c>missing_price</c>, ….</summary>
    public static string ReasonName(EnrichmentIssueKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    public static RunAccount Create(ImmutableArray<PipelineInput> inputs, EnrichmentReport join, int rowsListed, PipelineOptions options)
    {
        var leftOut = join.LeftOut.ToImmutableSortedDictionary(p => ReasonName(p.Key), p => (long)p.Value, StringComparer.Ordinal);
        var accounts = inputs.Select(i =>
        {
            var joined = i.Role is "transactions" or "order_lines";
            return new InputAccount(
                i.Role,
                Path.GetFileName(i.Path),
                i.Report.RowsRead,
                i.Report.RowsLoaded,
                i.Report.RowsRejected,
                joined ? join.TransactionsKept : null,
                joined ? leftOut : ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal));
        });
        var limits = string.Create(
            CultureInfo.InvariantCulture,
            $"LoadOptions.MaxReportedProblems = {options.Load.MaxReportedProblems} per input; EnrichmentOptions.MaxListedIssuesPerKind = {options.Enrichment.MaxListedIssuesPerKind} per reason");
        return new RunAccount(
            [.. accounts],
            join.TransactionsRead,
            join.TransactionsKept,
            leftOut,
            inputs.Sum(i => i.Report.RowsRejected) + join.TransactionsRejected,
            rowsListed,
            limits);
    }
}
