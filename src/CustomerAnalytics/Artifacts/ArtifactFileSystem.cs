namespace CustomerAnalytics.Artifacts;

/// <summary>
/// The file system calls <see cref="ArtifactFolder"/> makes, so a test can fail a write midway ("disk full") or record
/// their order. The default writes to disk.
/// </summary>
internal class ArtifactFileSystem
{
    public static ArtifactFileSystem Disk { get; } = new();

    /// <summary>Creates a new file for writing; it must not exist.</summary>
    public virtual Stream CreateFile(string path) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);

    public virtual void MoveDirectory(string source, string destination) => Directory.Move(source, destination);

    public virtual void DeleteDirectory(string path) => Directory.Delete(path, recursive: true);
}
