namespace CustomerAnalytics.Loading;

/// <summary>JSON (an array of objects) and JSON Lines.</summary>
internal static class JsonTabularReader
{
    public static TabularReader Create(Stream stream, LoadOptions options, bool leaveOpen, bool lines) =>
        throw new NotSupportedException("JSON loading is not implemented yet.");

    public static TabularReader Create(TextReader reader, LoadOptions options, bool lines) =>
        throw new NotSupportedException("JSON loading is not implemented yet.");
}
