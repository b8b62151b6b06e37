namespace CustomerAnalytics.Benchmarks.Compare;

/// <summary>What one child process measured for one run of one approach.</summary>
internal sealed record ChildReport(
    string Approach,
    double JobSeconds,
    long PeakWorkingSetBytes,
    JobFigures Figures,
    IReadOnlyDictionary<string, double> Phases);
