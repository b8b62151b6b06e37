namespace CustomerAnalytics.Artifacts;

/// <summary>
/// One file of a run's artifacts that a host adds (a dashboard, a report of its own). <c>AnalyticsRun.WriteArtifacts</c>
/// writes it into the same temporary folder as the run's own files, lists it in <c>manifest.json</c> with its size and
/// SHA-256, and moves it into place with them: a reader sees it only beside the files of the same run.
/// </summary>
/// <param name="Path">The path relative to the output folder, with <c>/</c> separators (<c>dashboard.html</c>); not one of the run's own files.</param>
/// <param name="Write">Writes the file's content to the stream it is given (and leaves it open).</param>
public sealed record ArtifactFile(string Path, Action<Stream> Write)
{
    /// <summary>The data rows <c>manifest.json</c> lists for the file.</summary>
    /// <value><see langword="null"/> (the default): rows mean nothing for the file.</value>
    public long? Rows { get; init; }

    /// <summary>
    /// Whether the file may be written at the same time as the other such files (the run's own files, which only read
    /// the immutable run); a host's files are written one at a time, after them, in their order.
    /// </summary>
    internal bool Concurrent { get; init; }
}
