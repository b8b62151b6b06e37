using CustomerAnalytics.Benchmarks.Compare;
using CustomerAnalytics.Benchmarks.Compare.Full;
using CustomerAnalytics.Benchmarks.Generation;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Benchmarks.Tests;

/// <summary>The whole job's approaches on a small generated data set: their overlapping files equal the library's.</summary>
public sealed class FullJobOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("sequential")]
    [InlineData("realistic")]
    public void DuckDb_writes_the_library_s_five_shared_files_byte_for_byte(string ids)
    {
        var files = Generate(Enum.Parse<IdStyle>(ids, ignoreCase: true));
        var stages = RunBoth(files, new DuckDbFullJob());

        var results = OutputCheck.Against(Out("library"), "duckdb", Out("duckdb"));

        Assert.Equal(OutputCheck.SharedFiles, results.Select(r => r.File));
        Assert.All(results, r => Assert.Null(r.Difference));
        Assert.All(results, r => Assert.Equal("bytes", r.Method));
        Assert.Equal(2_000, results.Single(r => r.File == "events_enriched.csv").Rows);
        Assert.Equal(["load", "enrich", "kpis", "write", "total"], stages.Keys);
    }

    [Fact]
    public void A_changed_byte_in_DuckDB_s_output_is_reported_with_its_file_and_line()
    {
        var files = Generate(IdStyle.Sequential);
        RunBoth(files, new DuckDbFullJob());
        var path = Path.Combine(Out("duckdb"), "kpi_by_segment.csv");
        var lines = File.ReadAllLines(path);
        lines[2] = lines[2].Replace(',', ';');
        File.WriteAllText(path, string.Join('\n', lines) + "\n");

        var result = OutputCheck.Against(Out("library"), "duckdb", Out("duckdb")).Single(r => !r.Equal);

        Assert.Equal("kpi_by_segment.csv", result.File);
        Assert.StartsWith("kpi_by_segment.csv: line 3, column ", result.Difference, StringComparison.Ordinal);
    }

    [PandasFact]
    public void Pandas_agrees_with_the_library_to_the_cent_on_every_shared_file()
    {
        var files = Generate(IdStyle.Realistic);
        new LibraryFullJob().Run(files, Out("library"), new Dictionary<string, double>());
        var report = PandasFullJob.Run(files, Out("pandas"));

        var results = OutputCheck.Against(Out("library"), "pandas", Out("pandas"));

        Assert.All(results, r => Assert.Null(r.Difference));
        Assert.Equal("cells (segment, revenue to the cent)", results.Single(r => r.File == "kpi_by_segment.csv").Method);
        Assert.Equal(["load", "enrich", "kpis", "recommend", "write", "total"], report.Stages.Keys);
    }

    [PandasFact]
    public void The_pandas_job_on_the_seed_writes_the_original_demo_s_files_byte_for_byte()
    {
        var seed = new DataFiles(TestPaths.SampleCustomers, TestPaths.SampleProducts, TestPaths.SampleTransactions);
        PandasFullJob.Run(seed, Out("pandas"));

        foreach (var file in new[] { "events_enriched.csv", "kpi_by_segment.csv", "kpi_by_category.csv", "top_products.csv" })
        {
            var original = Path.Combine(TestPaths.RepositoryRoot, "tests", "CustomerAnalytics.Tests", "Approved", "seed-original", file);
            Assert.True(ArtifactComparer.Bytes(file, original, Path.Combine(Out("pandas"), file)).Equal, file);
        }
    }

    public void Dispose() => _folder.Dispose();

    private string Out(string approach) => Path.Combine(_folder.Path, approach);

    private DataFiles Generate(IdStyle ids)
    {
        var data = Path.Combine(_folder.Path, "data");
        DataGenerator.Generate(GeneratorOptions.ForSize(2_000, data) with { Ids = ids });
        return DataFiles.InDirectory(data);
    }

    private Dictionary<string, double> RunBoth(DataFiles files, DuckDbFullJob other)
    {
        new LibraryFullJob().Run(files, Out("library"), new Dictionary<string, double>());
        var stages = new Dictionary<string, double>(StringComparer.Ordinal);
        other.Run(files, Out(other.Name), stages);
        return stages;
    }
}
