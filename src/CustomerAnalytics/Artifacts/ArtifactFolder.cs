using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;

namespace CustomerAnalytics.Artifacts;

/// <summary>
/// Writes a run's files as one set: into a temporary folder beside the output folder (same parent, so the moves are
/// renames on one file system), the manifest last, then swaps the folders, so a reader sees the old set or the new set,
/// never a mix. On failure the temporary folder is removed and the output folder is left as it was.
/// </summary>
/// <remarks>
/// The swap: the old folder is renamed aside (<c>.NAME.old-…</c>), the new one (<c>.NAME.new-…</c>) renamed in, the
/// old one deleted. A crashed run can leave either beside the output folder; the next write cleans up first: a
/// <c>.new-</c> folder is an unfinished set and is deleted; an <c>.old-</c> folder is the previous set, restored when
/// the output folder is missing (the crash fell between the two renames) and deleted otherwise. One writer per output
/// folder at a time.
/// </remarks>
internal sealed class ArtifactFolder
{
    public const string ManifestName = "manifest.json";

    public const string RejectedRowsName = "rejected_rows.csv";

    private readonly ArtifactFileSystem _fileSystem;
    private readonly string _parent;
    private readonly string _name;

    public ArtifactFolder(string directory, ArtifactFileSystem fileSystem)
    {
        Target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var parent = Path.GetDirectoryName(Target);
        if (string.IsNullOrEmpty(parent))
        {
            throw new ArgumentException($"The output folder '{Target}' is a file system root; the artifacts need a folder of their own.", nameof(directory));
        }

        _parent = parent;
        _name = Path.GetFileName(Target);
        _fileSystem = fileSystem;
    }

    /// <summary>The output folder, full path.</summary>
    public string Target { get; }

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The first input file (role, path) inside the output folder, which replacing the folder would delete.</summary>
    public (string Role, string Path)? FindInputInside(IEnumerable<(string Role, string Path)> inputs)
    {
        var prefix = Target + Path.DirectorySeparatorChar;
        foreach (var (role, path) in inputs)
        {
            var full = Path.GetFullPath(path);
            if (full.StartsWith(prefix, PathComparison))
            {
                return (role, full);
            }
        }

        return null;
    }

    /// <summary>Writes the files and then the manifest made from their listing, and moves the set into place.</summary>
    public RunManifest Write(IReadOnlyList<ArtifactFile> files, Func<ImmutableArray<ManifestFile>, RunManifest> createManifest)
    {
        Directory.CreateDirectory(_parent);
        Recover();
        EnsureReplaceable();
        var temporary = Path.Combine(_parent, $".{_name}.new-{Suffix()}");
        var current = ManifestName;
        RunManifest manifest;
        try
        {
            Directory.CreateDirectory(temporary);
            var listed = WriteFiles(temporary, files);
            manifest = createManifest([.. listed.OrderBy(f => f.Path, StringComparer.Ordinal)]);
            current = ManifestName;
            WriteFile(temporary, new ArtifactFile(ManifestName, s => JsonArtifacts.WriteManifest(s, manifest)));
        }
        catch (Exception caught)
        {
            TryDelete(temporary);
            var (path, ex) = caught is FileFailed failed ? (failed.Path, failed.InnerException!) : (current, caught);
            if (ex is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"Could not write the artifact '{path}': {Sentence(ex.Message)} The output folder '{Target}' was left as it was (the files are written to a temporary folder beside it, removed again).", ex);
            }

            ExceptionDispatchInfo.Throw(ex);
            throw;
        }

        MoveIntoPlace(temporary);
        return manifest;
    }

    /// <summary>
    /// Writes the files marked <see cref="ArtifactFile.Concurrent"/> (the run's own) on every core at once, each to its own
    /// file, then the others (a host's) one at a time, in order. The listing keeps the order of <paramref name="files"/>;
    /// a failure is the first failed file in that order, thrown as <see cref="FileFailed"/>.
    /// </summary>
    private ManifestFile[] WriteFiles(string folder, IReadOnlyList<ArtifactFile> files)
    {
        var listed = new ManifestFile[files.Count];
        var failures = new Exception?[files.Count];
        var concurrent = Enumerable.Range(0, files.Count).Where(i => files[i].Concurrent).ToArray();
        Parallel.ForEach(
            Partitioner.Create(concurrent, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            (i, state) =>
            {
                try
                {
                    listed[i] = WriteFile(folder, files[i]);
                }
                catch (Exception ex)
                {
                    failures[i] = ex;
                    state.Stop();
                }
            });
        for (var i = 0; i < files.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                throw new FileFailed(files[i].Path, failure);
            }
        }

        for (var i = 0; i < files.Count; i++)
        {
            if (!files[i].Concurrent)
            {
                try
                {
                    listed[i] = WriteFile(folder, files[i]);
                }
                catch (Exception ex)
                {
                    throw new FileFailed(files[i].Path, ex);
                }
            }
        }

        return listed;
    }

    private ManifestFile WriteFile(string folder, ArtifactFile file)
    {
        var path = Path.Combine(folder, file.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = _fileSystem.CreateFile(path);
        using var hashing = new HashingStream(stream);
        file.Write(hashing);
        stream.Flush();
        if (stream is FileStream disk)
        {
            disk.Flush(flushToDisk: true); // a full disk shows here, not after the swap
        }

        return new ManifestFile(file.Path, hashing.BytesWritten, file.Rows) { Sha256 = hashing.Sha256() };
    }

    private void MoveIntoPlace(string temporary)
    {
        if (!Directory.Exists(Target))
        {
            Move(temporary, Target, temporary);
            return;
        }

        var aside = Path.Combine(_parent, $".{_name}.old-{Suffix()}");
        Move(Target, aside, temporary);
        try
        {
            _fileSystem.MoveDirectory(temporary, Target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                _fileSystem.MoveDirectory(aside, Target);
            }
            catch (Exception undo) when (undo is IOException or UnauthorizedAccessException)
            {
                // The earlier set stays aside; the next write moves it back before anything else.
            }

            TryDelete(temporary);
            throw MoveFailed(ex);
        }

        TryDelete(aside); // what is left is cleaned up by the next write
    }

    private void Move(string source, string destination, string temporary)
    {
        try
        {
            _fileSystem.MoveDirectory(source, destination);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw MoveFailed(ex);
        }
    }

    private IOException MoveFailed(Exception ex) =>
        new($"Could not move the new artifacts into '{Target}': {Sentence(ex.Message)} The output folder was left as it was.", ex);

    /// <summary>A system message as a sentence (.NET's "No space left on device : 'path'" has no full stop).</summary>
    private static string Sentence(string message) => message.TrimEnd().EndsWith('.') ? message.TrimEnd() : message.TrimEnd() + ".";

    /// <summary>Cleans up after a run that crashed while writing or swapping (see the remarks).</summary>
    private void Recover()
    {
        foreach (var unfinished in Directory.EnumerateDirectories(_parent, $".{_name}.new-*"))
        {
            _fileSystem.DeleteDirectory(unfinished);
        }

        var previous = Directory.EnumerateDirectories(_parent, $".{_name}.old-*").OrderByDescending(Directory.GetLastWriteTimeUtc).ToList();
        if (previous.Count > 0 && !Directory.Exists(Target))
        {
            _fileSystem.MoveDirectory(previous[0], Target);
            previous.RemoveAt(0);
        }

        previous.ForEach(_fileSystem.DeleteDirectory);
    }

    /// <summary>The set replaces the whole folder: refuse a folder that holds files no run wrote.</summary>
    private void EnsureReplaceable()
    {
        if (File.Exists(Target))
        {
            throw new IOException($"The output folder '{Target}' is a file; choose a folder for the artifacts.");
        }

        // A failed strict load's listing (the tool writes rejected_rows.csv alone) is no run's set either: replaced too.
        if (Directory.Exists(Target) && !File.Exists(Path.Combine(Target, ManifestName))
            && !Directory.EnumerateFileSystemEntries(Target).All(e => Path.GetFileName(e) == RejectedRowsName))
        {
            throw new IOException(
                $"The output folder '{Target}' holds files but no {ManifestName}: the artifacts replace the whole folder, so they are written only to a new or empty folder or over an earlier run's. Choose another output folder.");
        }
    }

    private void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                _fileSystem.DeleteDirectory(folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next write's clean-up.
        }
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>A file's write failed: carries its path to the message of <see cref="Write"/>.</summary>
    private sealed class FileFailed(string path, Exception inner) : Exception(inner.Message, inner)
    {
        public string Path { get; } = path;
    }
}
