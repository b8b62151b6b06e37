namespace CustomerAnalytics.Benchmarks.Tests;

/// <summary>A folder of its own under the temp folder, deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ca-bench-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
