using System.Collections.Immutable;

namespace CustomerAnalytics.Artifacts;

/// <summary>
/// <c>manifest.json</c>: what a run read, built and wrote, and with which options. Holds no clock time, so the same
/// inputs give a byte-identical manifest.
/// </summary>
public sealed record RunManifest
{
    /// <summary>The library that wrote the run: <c>CustomerAnalytics</c>.</summary>
    public string Library { get; init; } = "CustomerAnalytics";

    /// <summary>The library's informational version.</summary>
    public required string LibraryVersion { get; init; }

    /// <summary>The inputs, in the order read.</summary>
    public required ImmutableArray<ManifestInput> Inputs { get; init; }

    /// <summary>The sizes of the dataset.</summary>
    public required ManifestCounts Counts { get; init; }

    /// <summary>The options that shaped the run, by name (sorted).</summary>
    public required ImmutableSortedDictionary<string, string> Options { get; init; }

    /// <summary>Every input row accounted for (read, loaded, rejected, kept, left out by reason, listed); <see langword="null"/> in manifests written before it existed.</summary>
    public RunAccount? Account { get; init; }

    /// <summary>The files written, sorted by path (the manifest itself excluded).</summary>
    public required ImmutableArray<ManifestFile> Files { get; init; }
}
