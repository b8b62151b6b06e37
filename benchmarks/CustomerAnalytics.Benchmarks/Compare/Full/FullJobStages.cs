namespace CustomerAnalytics.Benchmarks.Compare.Full;

/// <summary>The stages of the whole job, in order; every approach reports the ones it has, in seconds.</summary>
internal static class FullJobStages
{
    public const string Load = "load";
    public const string Enrich = "enrich";
    public const string Kpis = "kpis";
    public const string Recommend = "recommend";
    public const string Write = "write";
    public const string Total = "total";

    public static readonly string[] All = [Load, Enrich, Kpis, Recommend, Write, Total];
}
