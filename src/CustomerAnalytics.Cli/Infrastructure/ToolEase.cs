using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary><c>--strategy ease</c>: <see cref="EaseRecommender"/>, its catalogue limit reported as a data error in the tool's words.</summary>
internal sealed class ToolEase(EaseOptions options) : IRecommender
{
    private readonly EaseRecommender _ease = new(options);

    public string Name => _ease.Name;

    public IRecommenderModel Fit(EnrichedDataset dataset) => Fit(dataset, CancellationToken.None);

    public IRecommenderModel Fit(EnrichedDataset dataset, CancellationToken cancellationToken)
    {
        try
        {
            return _ease.Fit(dataset, cancellationToken);
        }
        catch (ArgumentException ex) when (ex.Message.StartsWith("EASE cannot fit", StringComparison.Ordinal))
        {
            throw new CliException(ex.Message + " In the tool: pick --strategy item-cooccurrence or als (or leave ease out of evaluate's --strategies).", ExitCodes.DataError);
        }
    }
}
