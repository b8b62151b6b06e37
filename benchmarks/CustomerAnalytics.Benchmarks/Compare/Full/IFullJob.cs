namespace CustomerAnalytics.Benchmarks.Compare.Full;

/// <summary>
/// One way of running the whole job (<c>compare --job full</c>): load, enrich, KPIs, recommend, write the artifacts into
/// a folder. Stage names: <see cref="FullJobStages"/>.
/// </summary>
internal interface IFullJob
{
    string Name { get; }

    /// <summary>Runs the job, writing into <paramref name="output"/>; <paramref name="stages"/> receives each stage's seconds.</summary>
    void Run(DataFiles files, string output, IDictionary<string, double> stages);
}
