namespace CustomerAnalytics.Benchmarks.Compare.Full;

/// <summary>What one run of one approach of the whole job measured: its peak working set and the seconds of each stage.</summary>
internal sealed record FullJobReport(string Approach, long PeakWorkingSetBytes, IReadOnlyDictionary<string, double> Stages);
