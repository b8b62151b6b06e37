using System.Diagnostics;
using CustomerAnalytics.Pipeline;

namespace CustomerAnalytics.Benchmarks.Compare.Full;

/// <summary>
/// The library's whole job, as <c>customer-analytics run</c> does it: <see cref="AnalyticsPipeline.Run"/> with the
/// default options (KPIs, global lists, time series, cohorts, RFM, lifetime value, recommendations for every customer)
/// and <see cref="AnalyticsRun.WriteArtifacts(string)"/>. The stages are the run's own <see cref="RunTimings"/>; the
/// lifetime fits count in the KPIs (also reported alone as <c>fits</c>).
/// </summary>
internal sealed class LibraryFullJob : IFullJob
{
    public string Name => "library";

    public void Run(DataFiles files, string output, IDictionary<string, double> stages)
    {
        var watch = Stopwatch.StartNew();
        var run = AnalyticsPipeline.Run(new PipelineOptions
        {
            CustomersPath = files.Customers,
            ProductsPath = files.Products,
            TransactionsPath = files.Transactions,
        });
        var analysed = watch.Elapsed.TotalSeconds;
        var manifest = run.WriteArtifacts(output);
        stages[FullJobStages.Total] = watch.Elapsed.TotalSeconds;
        stages[FullJobStages.Write] = stages[FullJobStages.Total] - analysed;
        stages[FullJobStages.Load] = run.Timings.Load.TotalSeconds;
        stages[FullJobStages.Enrich] = run.Timings.Enrich.TotalSeconds;
        stages[FullJobStages.Kpis] = (run.Timings.KpisAndLists + run.Timings.LifetimeFits).TotalSeconds;
        stages["fits"] = run.Timings.LifetimeFits.TotalSeconds;
        stages[FullJobStages.Recommend] = run.Timings.Recommend.TotalSeconds;
        stages["files"] = manifest.Files.Length + 1;
        stages["bytes_written"] = manifest.Files.Sum(f => (double)f.Bytes);
    }
}
