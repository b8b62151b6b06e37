namespace CustomerAnalytics.Sql.Tests.Infrastructure;

/// <summary>Where the tests write their data files, and how: every file's content is deterministic, and it is written to a temporary name and moved into place, so parallel test classes and parallel test runs may write the same file.</summary>
internal static class TestFiles
{
    public static string Folder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "customer-analytics-sql-tests", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void Write(string path, string text)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
