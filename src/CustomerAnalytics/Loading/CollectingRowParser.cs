namespace CustomerAnalytics.Loading;

/// <summary>A row parser that keeps its good rows in a list.</summary>
internal abstract class CollectingRowParser<T>(LoadSession session) : RowParser(session)
{
    public List<T> Rows { get; } = [];
}
