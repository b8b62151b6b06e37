namespace CustomerAnalytics.Artifacts;

/// <summary>One file a run wrote, as <c>manifest.json</c> lists it.</summary>
/// <param name="Path">The path relative to the output folder, with <c>/</c> separators.</param>
/// <param name="Bytes">The size in bytes.</param>
/// <param name="Rows">Data rows (CSV, header excluded) or top-level items (JSON arrays); <see langword="null"/> for other files.</param>
public sealed record ManifestFile(string Path, long Bytes, long? Rows)
{
    /// <summary>The SHA-256 of the file's bytes, 64 lowercase hex digits.</summary>
    /// <value><see langword="null"/> only in a manifest read back from a version that did not write it.</value>
    public string? Sha256 { get; init; }
}
