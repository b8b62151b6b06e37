namespace CustomerAnalytics.Tests.Infrastructure;

/// <summary>A fact that needs a file of the shared real data sets; skipped, saying which file, when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    /// <param name="relativePath">The file's path under <c>../shared/data/</c>, with '/' separators.</param>
    public SharedDataFactAttribute(string relativePath)
    {
        var path = TestPaths.Shared(relativePath.Split('/'));
        if (!File.Exists(path))
        {
            Skip = $"Shared data file not found: {path}. Place the shared data sets beside the repository (../shared/data) to run this test.";
        }
    }
}
