namespace CustomerAnalytics.Recommendations.Persistence;

/// <summary>What the header of a saved model says (<see cref="RecommenderModelFile.ReadInfo(Stream)"/>).</summary>
/// <param name="FormatVersion">The format version the file was written in.</param>
/// <param name="Kind">The kind of the outermost model.</param>
/// <param name="StrategyName">The model's <see cref="IRecommenderModel.StrategyName"/>, as in <c>fallback(item-cooccurrence, popularity)</c>.</param>
/// <param name="LibraryVersion">The version of the CustomerAnalytics library that wrote the file.</param>
/// <param name="PayloadLength">The payload's length in bytes.</param>
public sealed record SavedModelInfo(int FormatVersion, SavedModelKind Kind, string StrategyName, string LibraryVersion, long PayloadLength);
