using System.IO.Compression;
using System.Text;
using CustomerAnalytics.Pipeline;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Pipeline;

public sealed class MemoryEstimateTests : IDisposable
{
    private const long MiB = 1L << 20;
    private const long GiB = 1L << 30;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-memory-");

    private static string SampleData => Path.Combine(TestPaths.RepositoryRoot, "samples", "data");

    private static PipelineOptions SeedOptions => new()
    {
        CustomersPath = Path.Combine(SampleData, "customers.csv"),
        ProductsPath = Path.Combine(SampleData, "products.csv"),
        TransactionsPath = Path.Combine(SampleData, "transactions.csv"),
    };

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void EstimateMemory_Seed_CountsEveryRowExactlyAndAddsTheModel()
    {
        var estimate = AnalyticsPipeline.EstimateMemory(SeedOptions with { MemoryLimit = 8 * GiB });

        Assert.Equal(["customers", "products", "transactions"], estimate.Parts.Select(p => p.Role));
        Assert.Equal([129L, 114L, 282L], estimate.Parts.Select(p => p.FileBytes));
        Assert.Equal([129L, 114L, 282L], estimate.Parts.Select(p => p.ContentBytes));
        Assert.Equal([4L, 4L, 7L], estimate.Parts.Select(p => p.Rows));
        Assert.Equal([1_024L, 1_000L, 170L], estimate.Parts.Select(p => p.BytesPerRow));
        // 80 MiB + 4 customers × 1,024 + 4 products × 1,000 + 7 transactions × 170.
        Assert.Equal((80 * MiB) + 4_096 + 4_000 + 1_190, estimate.TotalBytes);
        Assert.Equal(8 * GiB, estimate.AvailableBytes);
        Assert.True(estimate.LimitFromOptions);
        Assert.True(estimate.Fits);
        Assert.Equal("customers", estimate.Dominant!.Role);
    }

    [Fact]
    public void EstimateMemory_NoLimitGiven_ComparesWithWhatTheGcMayUse()
    {
        var estimate = AnalyticsPipeline.EstimateMemory(SeedOptions);

        Assert.False(estimate.LimitFromOptions);
        Assert.Equal(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, estimate.AvailableBytes);
        Assert.True(estimate.AvailableBytes > 0);
    }

    [Fact]
    public void EstimateMemory_FileLargerThanTheSample_RowsFromTheAverageLineOfItsFirstMiB()
    {
        // 32-byte lines: the first MiB holds exactly 32,768 of them, so 100,000 rows + header are counted exactly.
        var path = WriteTransactions("transactions.csv", 100_000);

        var part = AnalyticsPipeline.EstimateMemory(SeedOptions with { TransactionsPath = path }).Parts[2];

        Assert.Equal(100_001L * 32, part.FileBytes);
        Assert.Equal(100_001L * 32, part.ContentBytes);
        Assert.Equal(100_000, part.Rows);
        Assert.Equal(17_000_000, part.Bytes);
    }

    [Fact]
    public void EstimateMemory_GzipFile_ContentFromTheTrailerAndRowsFromTheInflatedSample()
    {
        var plain = WriteTransactions("plain.csv", 100_000);
        var path = Path.Combine(_folder.FullName, "transactions.csv.gz");
        using (var source = File.OpenRead(plain))
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            source.CopyTo(gzip);
        }

        var part = AnalyticsPipeline.EstimateMemory(SeedOptions with { TransactionsPath = path }).Parts[2];

        Assert.Equal(new FileInfo(path).Length, part.FileBytes);
        Assert.True(part.FileBytes < part.ContentBytes / 2, $"{part.FileBytes} compressed bytes");
        Assert.Equal(100_001L * 32, part.ContentBytes);
        Assert.Equal(100_000, part.Rows);
    }

    [Theory]
    [InlineData(1L << 30, 1L << 30, 5.0, 5L << 30)] // 5 GiB of CSV: ISIZE 1 GiB after one wrap.
    [InlineData(300_000_000L, 100_000_000L, 3.0, 300_000_000L)] // Under 4 GiB: ISIZE as it is.
    [InlineData(100L, 200L, 0.5, 100L)] // Incompressible data: never below ISIZE.
    public void InflatedLength_AddsTheWrapsOfFourGiBClosestToTheSampledRatio(long isize, long fileBytes, double ratio, long expected) =>
        Assert.Equal(expected, InputSample.InflatedLength(isize, fileBytes, ratio));

    [Fact]
    public void EstimateMemory_JsonArray_CountsObjects()
    {
        var path = Path.Combine(_folder.FullName, "customers.json");
        File.WriteAllText(path, """[{"customer_id":"C1","segment":"a","signup_date":"2024-01-01"},{"customer_id":"C2","segment":"b","signup_date":"2024-01-02"}]""");

        var part = AnalyticsPipeline.EstimateMemory(SeedOptions with { CustomersPath = path }).Parts[0];

        Assert.Equal(2, part.Rows);
    }

    [Fact]
    public void EstimateMemory_FileNotOnDisk_CountsNoRows()
    {
        var part = AnalyticsPipeline.EstimateMemory(SeedOptions with { ProductsPath = Path.Combine(_folder.FullName, "missing.csv") }).Parts[1];

        Assert.Equal((0L, 0L, 0L), (part.FileBytes, part.ContentBytes, part.Rows));
    }

    [Fact]
    public void Run_EstimateAboveTheLimit_FailsBeforeReadingWithTheEstimateTheLimitTheDominantInputAndWhatHelps()
    {
        var opened = 0;
        var options = SeedOptions with
        {
            MemoryLimit = 50 * MiB,
            OpenRead = p => { Interlocked.Increment(ref opened); return File.OpenRead(p); },
        };

        var e = Assert.Throws<MemoryLimitExceededException>(() => AnalyticsPipeline.Run(options));

        Assert.Equal(0, opened);
        Assert.Equal(
            "The run would need about 80.0 MiB of memory at its peak, more than the PipelineOptions.MemoryLimit of 50.0 MiB; nothing was read. "
            + $"The customers file {options.CustomersPath} dominates: 0.0 MiB for about 4 rows (0.0 MiB of data, 1024 bytes a row in memory). "
            + "What helps: a machine with more memory; PipelineOptions.MemoryLimit if the process may use more than was detected; "
            + "PipelineOptions.MemoryCheck = MemoryCheck.Warn (or Off) to run anyway; or the SQL engine for the KPIs alone (customer-analytics kpis --engine duckdb), which does not hold the rows in memory.",
            e.Message);
        Assert.False(e.Estimate!.Fits);
    }

    [Fact]
    public async Task RunAsync_EstimateAboveTheLimit_FailsToo() =>
        await Assert.ThrowsAsync<MemoryLimitExceededException>(() => AnalyticsPipeline.RunAsync(SeedOptions with { MemoryLimit = 1 }));

    [Fact]
    public void Run_Warn_RunsAndKeepsTheEstimate()
    {
        var run = AnalyticsPipeline.Run(SeedOptions with { MemoryLimit = 1, MemoryCheck = MemoryCheck.Warn });

        Assert.Equal(7, run.Dataset.TransactionCount);
        Assert.False(run.MemoryEstimate!.Fits);
        Assert.Equal(1, run.MemoryEstimate.AvailableBytes);
    }

    [Fact]
    public void Run_Off_RunsWithoutAnEstimate()
    {
        var run = AnalyticsPipeline.Run(SeedOptions with { MemoryLimit = 1, MemoryCheck = MemoryCheck.Off });

        Assert.Equal(7, run.Dataset.TransactionCount);
        Assert.Null(run.MemoryEstimate);
    }

    [Fact]
    public void Run_DefaultFail_WithinTheLimit_KeepsTheEstimate() =>
        Assert.Equal(7, AnalyticsPipeline.Run(SeedOptions).MemoryEstimate!.Parts[2].Rows);

    [Fact]
    public void Validate_NonPositiveLimitOrUnknownMode_SaysWhichAndTheValue()
    {
        var e = Assert.Throws<ArgumentException>(() => AnalyticsPipeline.EstimateMemory(SeedOptions with { MemoryLimit = 0, MemoryCheck = (MemoryCheck)7 }));

        Assert.Contains("MemoryCheck must be Fail, Warn or Off (was 7).", e.Message, StringComparison.Ordinal);
        Assert.Contains("MemoryLimit must be a positive number of bytes, or null for the memory the GC may use (was 0).", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A transactions CSV of 32-byte lines (header included): <paramref name="rows"/> rows.</summary>
    private string WriteTransactions(string name, int rows)
    {
        var path = Path.Combine(_folder.FullName, name);
        var text = new StringBuilder("txn_id,customer_id,product_id,q\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i,8},C001,P100,1,2024-03-01\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }
}
