namespace CustomerAnalytics.Loading;

/// <summary>
/// Raised inside a <see cref="TabularReader"/> when the rest of the source cannot be read (broken JSON, an unclosed
/// quote larger than the buffer limit); the engine turns it into a diagnostic and a <see cref="DataLoadException"/>.
/// </summary>
internal sealed class SourceFormatException(long line, string problem, string expected, string? hint, Exception? inner = null)
    : Exception(problem, inner)
{
    public long Line { get; } = line;

    public string Problem { get; } = problem;

    public string Expected { get; } = expected;

    public string? Hint { get; } = hint;
}
