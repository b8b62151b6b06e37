namespace CustomerAnalytics.Benchmarks.Compare;

/// <summary>One way of running the end-to-end job: load the three CSVs, enrich, and compute the figures.</summary>
internal interface IJobApproach
{
    string Name { get; }

    /// <summary>Runs the job; <paramref name="phases"/> receives the seconds of its phases.</summary>
    JobFigures Run(DataFiles files, IDictionary<string, double> phases);
}
