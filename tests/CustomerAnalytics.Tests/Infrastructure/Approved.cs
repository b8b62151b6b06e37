using System.Text;

namespace CustomerAnalytics.Tests.Infrastructure;

/// <summary>
/// Approved-file snapshots: the expected content lives in tests/CustomerAnalytics.Tests/Approved/. A mismatch writes the
/// received content beside it as <c>*.received.*</c> (git-ignored) so the difference can be inspected and, if right, approved
/// by renaming it.
/// </summary>
internal static class Approved
{
    private static string Folder => Path.Combine(TestPaths.RepositoryRoot, "tests", "CustomerAnalytics.Tests", "Approved");

    public static void Verify(string name, string received)
    {
        var path = Path.Combine(Folder, name);
        var receivedPath = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + ".received" + Path.GetExtension(path));
        var expected = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
        if (expected != received)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
            File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
            Assert.Fail(expected is null
                ? $"No approved file {path}; the received content is in {receivedPath}."
                : $"{name} differs from the approved file; the received content is in {receivedPath}.");
        }
        else if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }
    }

    public static string Capture(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
