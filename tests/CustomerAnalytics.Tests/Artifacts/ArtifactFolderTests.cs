using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Pipeline;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Artifacts;

/// <summary>Regression tests of issue 10, finding 8: a failed write left a folder that lied.</summary>
public sealed class ArtifactFolderTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ca-artifacts-");

    private string Output => Path.Combine(_root.FullName, "out");

    private static PipelineOptions SeedOptions => new()
    {
        CustomersPath = TestPaths.SampleCustomers,
        ProductsPath = TestPaths.SampleProducts,
        TransactionsPath = TestPaths.SampleTransactions,
    };

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void WriteArtifacts_DiskFullMidway_OldFolderByteIdenticalAndErrorNamesTheFile()
    {
        var run = AnalyticsPipeline.Run(SeedOptions);
        run.WriteArtifacts(Output, [Dashboard("old")]);
        var before = Snapshot(Output);
        var fileSystem = new RecordingFileSystem { DiskFullIn = "by_customer.json" };

        var error = Assert.Throws<IOException>(() => run.WriteArtifacts(Output, [], fileSystem));

        Assert.Equal(
            $"Could not write the artifact 'recommendations/by_customer.json': No space left on device : '{error.InnerException!.Message[27..^1]}'. The output folder '{Output}' was left as it was (the files are written to a temporary folder beside it, removed again).",
            error.Message);
        Assert.Matches(@"^No space left on device : '.*[/\\]\.out\.new-[0-9a-f]{12}[/\\]recommendations[/\\]by_customer\.json'$", error.InnerException!.Message);
        Assert.Equal(before, Snapshot(Output));
        Assert.Equal(["out"], Entries(_root.FullName));
    }

    [Fact]
    public void WriteArtifacts_HostWriterThrowsMidway_OldFolderByteIdenticalAndNoTemporaryFolder()
    {
        var run = AnalyticsPipeline.Run(SeedOptions);
        run.WriteArtifacts(Output);
        var before = Snapshot(Output);
        var broken = new ArtifactFile("dashboard.html", s =>
        {
            s.Write("<html>"u8);
            throw new InvalidOperationException("the dashboard failed");
        });

        var error = Assert.Throws<InvalidOperationException>(() => run.WriteArtifacts(Output, [broken]));

        Assert.Equal("the dashboard failed", error.Message);
        Assert.Equal(before, Snapshot(Output));
        Assert.Equal(["out"], Entries(_root.FullName));
    }

    [Fact]
    public void WriteArtifacts_MoveIntoPlaceFails_OldFolderByteIdentical()
    {
        var run = AnalyticsPipeline.Run(SeedOptions);
        run.WriteArtifacts(Output);
        var before = Snapshot(Output);
        var fileSystem = new RecordingFileSystem { FailMoveIntoTarget = true };

        var error = Assert.Throws<IOException>(() => run.WriteArtifacts(Output, [Dashboard("new")], fileSystem));

        Assert.Equal($"Could not move the new artifacts into '{Output}': Access denied. The output folder was left as it was.", error.Message);
        Assert.Equal(before, Snapshot(Output));
        Assert.Equal(["out"], Entries(_root.FullName));
    }

    [Fact]
    public void WriteArtifacts_Rewrite_RemovesFilesTheNewRunDoesNotWrite()
    {
        var run = AnalyticsPipeline.Run(SeedOptions);
        run.WriteArtifacts(Output, [Dashboard("old")]);
        File.WriteAllText(Path.Combine(Output, "stale.csv"), "from an older version\n");

        var manifest = run.WriteArtifacts(Output);

        Assert.False(File.Exists(Path.Combine(Output, "dashboard.html")));
        Assert.False(File.Exists(Path.Combine(Output, "stale.csv")));
        Assert.Equal(
            manifest.Files.Select(f => f.Path).Append("manifest.json").Order(StringComparer.Ordinal),
            Snapshot(Output).Keys);
        Assert.Equal(["out"], Entries(_root.FullName));
    }

    [Fact]
    public void WriteArtifacts_Manifest_ListsEverySizeAndSha256IncludingTheHostsFiles()
    {
        var manifest = AnalyticsPipeline.Run(SeedOptions).WriteArtifacts(Output, [Dashboard("<p>1,474.92</p>") with { Rows = null }]);

        Assert.Equal(15, manifest.Files.Length);
        Assert.Equal(
            manifest.Files.Select(f => f.Path).Append("manifest.json").Order(StringComparer.Ordinal),
            Snapshot(Output).Keys);
        foreach (var file in manifest.Files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(Output, file.Path));
            Assert.Equal((file.Path, (long)bytes.Length, Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant()), (file.Path, file.Bytes, file.Sha256));
        }

        var dashboard = manifest.Files.Single(f => f.Path == "dashboard.html");
        Assert.Equal((15L, (long?)null, Sha256Of("<p>1,474.92</p>")), (dashboard.Bytes, dashboard.Rows, dashboard.Sha256));
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Output, "manifest.json")));
        var kpiOverall = json.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "kpi_overall.csv");
        Assert.Equal(
            "{ \"path\": \"kpi_overall.csv\", \"bytes\": 88, \"rows\": 1, \"sha256\": \"" + Sha256Of("customers,transactions,orders,units,revenue,average_order_value\n4,7,7,13,1474.92,210.70\n") + "\" }",
            "{ " + string.Join(", ", kpiOverall.EnumerateObject().Select(p => $"\"{p.Name}\": {p.Value.GetRawText()}")) + " }");
        using var stream = File.OpenRead(Path.Combine(Output, "manifest.json"));
        Assert.Equal(manifest.Files.ToArray(), JsonArtifacts.ReadManifest(stream).Files.ToArray());
    }

    [Fact]
    public void WriteArtifacts_Order_EveryFileThenTheManifestThenTheSwap()
    {
        var run = AnalyticsPipeline.Run(SeedOptions);
        run.WriteArtifacts(Output);
        var fileSystem = new RecordingFileSystem();

        var manifest = run.WriteArtifacts(Output, [Dashboard("x")], fileSystem);

        Assert.Equal(manifest.Files.Length + 4, fileSystem.Calls.Count);
        Assert.Equal(
            ["create dashboard.html", "create manifest.json", "move out → .out.old-", "move .out.new- → out", "delete .out.old-"],
            fileSystem.Calls[^5..]);
        Assert.Equal(
            manifest.Files.Select(f => "create " + Path.GetFileName(f.Path)).Order(StringComparer.Ordinal),
            fileSystem.Calls[..^3].Where(c => c != "create manifest.json").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WriteArtifacts_OutputHoldsAnInputFile_RefusesNamingIt()
    {
        var data = Path.Combine(Output, "data");
        Directory.CreateDirectory(data);
        var transactions = Path.Combine(data, "transactions.csv");
        File.Copy(TestPaths.SampleTransactions, transactions);
        var run = AnalyticsPipeline.Run(SeedOptions with { TransactionsPath = transactions });

        var error = Assert.Throws<ArgumentException>(() => run.WriteArtifacts(Output + Path.DirectorySeparatorChar));

        Assert.Equal(
            $"The output folder '{Output}' holds the run's transactions file '{transactions}'; the artifacts replace the whole folder, which would delete it. Write the artifacts to another folder. (Parameter 'directory')",
            error.Message);
        Assert.Equal(["data"], Entries(Output));
        Assert.Equal(File.ReadAllBytes(TestPaths.SampleTransactions), File.ReadAllBytes(transactions));
    }

    [Fact]
    public void WriteArtifacts_FolderWithFilesButNoManifest_Refuses()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "notes.txt"), "mine\n");

        var error = Assert.Throws<IOException>(() => AnalyticsPipeline.Run(SeedOptions).WriteArtifacts(Output));

        Assert.Equal(
            $"The output folder '{Output}' holds files but no manifest.json: the artifacts replace the whole folder, so they are written only to a new or empty folder or over an earlier run's. Choose another output folder.",
            error.Message);
        Assert.Equal(["notes.txt"], Entries(Output));
    }

    [Fact]
    public void WriteArtifacts_UnfinishedSetOfACrashedRun_IsDeleted()
    {
        var run = AnalyticsPipeline.Run(SeedOptions);
        run.WriteArtifacts(Output);
        var unfinished = Directory.CreateDirectory(Path.Combine(_root.FullName, ".out.new-0123456789ab")).FullName;
        File.WriteAllText(Path.Combine(unfinished, "events_enriched.csv"), "txn_id,cust");

        run.WriteArtifacts(Output);

        Assert.Equal(["out"], Entries(_root.FullName));
    }

    [Fact]
    public void WriteArtifacts_CrashBetweenTheRenames_EarlierSetRestoredBeforeWriting()
    {
        var run = AnalyticsPipeline.Run(SeedOptions);
        run.WriteArtifacts(Output);
        var before = Snapshot(Output);
        Directory.Move(Output, Path.Combine(_root.FullName, ".out.old-0123456789ab"));

        Assert.Throws<IOException>(() => run.WriteArtifacts(Output, [], new RecordingFileSystem { DiskFullIn = "kpi_overall.csv" }));

        Assert.Equal(before, Snapshot(Output));
        Assert.Equal(["out"], Entries(_root.FullName));
    }

    [Theory]
    [InlineData("manifest.json")]
    [InlineData("rfm.csv")]
    [InlineData("../dashboard.html")]
    [InlineData("a\\b.html")]
    [InlineData("/tmp/x.html")]
    public void WriteArtifacts_ExtraFileWithAPathTaken_Refuses(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => AnalyticsPipeline.Run(SeedOptions).WriteArtifacts(Output, [new ArtifactFile(path, _ => { })]));

        Assert.Equal(
            $"The extra artifact path '{path}' is not a new relative path with '/' separators (no '.' or '..' parts, not manifest.json, not one of the run's own files). (Parameter 'extraFiles')",
            error.Message);
        Assert.False(Directory.Exists(Output));
    }

    private static ArtifactFile Dashboard(string html) => new("dashboard.html", s => s.Write(Encoding.UTF8.GetBytes(html)));

    private static string Sha256Of(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static string[] Entries(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static SortedDictionary<string, string> Snapshot(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(folder, file).Replace('\\', '/')] = Convert.ToBase64String(File.ReadAllBytes(file));
        }

        return files;
    }

    /// <summary>Records the calls in order; fails a file's write after 10 bytes ("disk full") or the move into place.</summary>
    private sealed class RecordingFileSystem : ArtifactFileSystem
    {
        public List<string> Calls { get; } = [];

        public string? DiskFullIn { get; init; }

        public bool FailMoveIntoTarget { get; init; }

        public override Stream CreateFile(string path)
        {
            lock (Calls)
            {
                Calls.Add("create " + Path.GetFileName(path)); // the run's files are created on several threads
            }

            return Path.GetFileName(path) == DiskFullIn ? new DiskFullStream(path, 10) : base.CreateFile(path);
        }

        public override void MoveDirectory(string source, string destination)
        {
            Calls.Add($"move {Name(source)} → {Name(destination)}");
            if (FailMoveIntoTarget && Name(source).Contains(".new-", StringComparison.Ordinal))
            {
                throw new UnauthorizedAccessException("Access denied.");
            }

            base.MoveDirectory(source, destination);
        }

        public override void DeleteDirectory(string path)
        {
            Calls.Add("delete " + Name(path));
            base.DeleteDirectory(path);
        }

        private static string Name(string path)
        {
            var name = Path.GetFileName(path);
            var dash = name.LastIndexOf('-');
            return name.StartsWith('.') && dash > 0 ? name[..(dash + 1)] : name;
        }
    }

    /// <summary>A file that takes <c>capacity</c> bytes and then fails as a full disk does.</summary>
    private sealed class DiskFullStream(string path, int capacity) : FileStream(path, FileMode.CreateNew, FileAccess.Write)
    {
        private long _written;

        public override void Write(byte[] buffer, int offset, int count)
        {
            var room = (int)Math.Max(0, Math.Min(count, capacity - _written));
            base.Write(buffer, offset, room);
            _written += room;
            if (room < count)
            {
                throw new IOException($"No space left on device : '{Name}'");
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void WriteByte(byte value) => Write([value]);
    }
}
