using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Cli.Commands;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>
/// The join's policies on the command line (<c>--unknown-customers</c>, <c>--unknown-products</c>), and the library's
/// hints about them said as flags rather than as options of the API.
/// </summary>
internal static class JoinPolicies
{
    /// <summary>The values of the flags, by name.</summary>
    public static IReadOnlyDictionary<string, UnknownReferencePolicy> ByName { get; } = new Dictionary<string, UnknownReferencePolicy>(StringComparer.OrdinalIgnoreCase)
    {
        ["reject"] = UnknownReferencePolicy.Reject,
        ["keep"] = UnknownReferencePolicy.KeepAsUnknown,
    };

    private static readonly (string Api, string Tool)[] Hints =
    [
        ("with EnrichmentOptions.UnknownCustomers = UnknownReferencePolicy.KeepAsUnknown (PipelineOptions.Enrichment)", "with --unknown-customers keep"),
        ("with EnrichmentOptions.UnknownProducts = UnknownReferencePolicy.KeepAsUnknown (PipelineOptions.Enrichment)", "with --unknown-products keep"),
        ("with LoadMode.Lenient (on a builder: EnrichmentOptions.StrictReferences = false)", "with --lenient (listed in rejected_rows.csv)"),
        ("LoadOptions.MaxReportedProblems = ", "--max-problems "),
        ("EnrichmentOptions.MaxListedIssuesPerKind = ", string.Empty),
    ];

    /// <summary>
    /// The join's options the flags and the config file ask for. In strict mode (no <c>--lenient</c>) an unknown
    /// customer or product whose policy is <c>reject</c> is an error naming file and line, as <see cref="Pipeline.AnalyticsPipeline"/> joins.
    /// </summary>
    public static EnrichmentOptions OptionsFrom(DataSettings settings) => settings.Options.ToEnrichmentOptions();

    /// <summary>Whether <paramref name="name"/> is a policy name.</summary>
    public static bool IsName(string name) => ByName.ContainsKey(name);

    /// <summary>The policy names, for messages.</summary>
    public static string Names => string.Join("|", ByName.Keys);

    /// <summary>The text with the join's API hints replaced by the flags that do the same.</summary>
    public static string ForTool(string text)
    {
        foreach (var (api, tool) in Hints)
        {
            text = text.Replace(api, tool, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The diagnostic with its hint said as flags.</summary>
    public static LoadDiagnostic ForTool(LoadDiagnostic diagnostic) =>
        diagnostic.Hint is { } hint ? diagnostic with { Hint = ForTool(hint) } : diagnostic;
}
