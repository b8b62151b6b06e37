using CustomerAnalytics.Benchmarks.Compare.Full;

namespace CustomerAnalytics.Benchmarks.Tests;

/// <summary>A fact that runs the pandas job; skipped, saying why and what would help, where Debian's python3-pandas is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PandasFactAttribute : FactAttribute
{
    public PandasFactAttribute()
    {
        if (PandasFullJob.Unavailable() is { } why)
        {
            Skip = "pandas is not available: " + why;
        }
    }
}
