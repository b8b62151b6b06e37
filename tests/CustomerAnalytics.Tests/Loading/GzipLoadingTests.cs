using System.IO.Compression;
using System.Text;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>Regression tests of issue 10, finding 4: a damaged .gz is a source error naming the file, in every mode.</summary>
public class GzipLoadingTests
{
    private const string Truncated = "the gzip data ends before its end (the file is truncated, or its last 8 bytes, the CRC-32 and length, are missing); expected a complete gzip file. Copy or download the file again; gzip -t tests a file.";

    public static TheoryData<LoadMode> Modes => new() { LoadMode.Strict, LoadMode.Lenient };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Load_TruncatedAtAFlushPoint_SourceErrorNamingTheFileAndLine(LoadMode mode)
    {
        // 5,000 customers, cut where the compressor flushed after 2,000 of them: 2,000 were loaded without a word. The
        // line is that of the last row read before the end was found (CsvHelper reads a little ahead).
        var (gzip, flushedAt) = Customers(5000, flushAfter: 2000);
        using var file = LoaderTestData.File("customers.csv.gz", gzip[..flushedAt]);

        var error = Assert.Throws<DataLoadException>(() => CustomerLoader.Load(file.Path, LoadOptions.Default with { Mode = mode }));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal($"{file.Path}(2000): error: {Truncated}", problem.ToString());
    }

    [Fact]
    public async Task LoadAsync_TruncatedAtAFlushPoint_SourceErrorNamingTheFile()
    {
        var (gzip, flushedAt) = Customers(5000, flushAfter: 2000);
        using var file = LoaderTestData.File("customers.csv.gz", gzip[..flushedAt]);

        var error = await Assert.ThrowsAsync<DataLoadException>(() => CustomerLoader.LoadAsync(file.Path, LoaderTestData.Lenient));

        Assert.Equal($"{file.Path}(2000): error: {Truncated}", Assert.Single(error.Diagnostics).ToString());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Load_WithoutItsTrailer_SourceErrorNamingTheFile(LoadMode mode)
    {
        var (gzip, _) = Customers(5000, flushAfter: 0);
        using var file = LoaderTestData.File("customers.csv.gz", gzip[..^8]);

        var error = Assert.Throws<DataLoadException>(() => CustomerLoader.Load(file.Path, LoadOptions.Default with { Mode = mode }));

        Assert.Equal($"{file.Path}(4998): error: {Truncated}", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Load_BadCrc_SourceErrorNamingTheFile()
    {
        var (gzip, _) = Customers(5000, flushAfter: 0);
        gzip[^8] ^= 0x55;
        using var file = LoaderTestData.File("customers.csv.gz", gzip);

        var error = Assert.Throws<DataLoadException>(() => CustomerLoader.Load(file.Path, LoaderTestData.Lenient));

        // The line is where the inflater found the damage, after the output it gave before its check.
        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal((file.Path, true), (problem.Source, problem.Line is > 1 and <= 5001));
        Assert.Equal("the gzip data is damaged (its CRC-32 or length does not match its content, or the compressed data is invalid)", problem.Problem);
        Assert.Equal("intact gzip data, whose CRC-32 and length match its content", problem.Expected);
    }

    [Fact]
    public void Load_NotGzip_SourceErrorNamingTheFile()
    {
        using var file = LoaderTestData.File("customers.csv.gz", Encoding.UTF8.GetBytes("customer_id,segment\nC1,Basic\n"));

        var error = Assert.Throws<DataLoadException>(() => CustomerLoader.Load(file.Path, LoaderTestData.Lenient));

        Assert.Equal($"{file.Path}: error: the data is not gzip, though the name ends in .gz (it does not start with the bytes 1f 8b); expected gzip data. If the file is not compressed, name it without '.gz'.", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Load_TruncatedJsonLines_SourceErrorNamingTheFile()
    {
        var text = string.Concat(Enumerable.Range(1, 3000).Select(i => $"{{\"customer_id\":\"C{i}\",\"segment\":\"Basic\"}}\n"));
        var gzip = Gzip(Encoding.UTF8.GetBytes(text));
        using var file = LoaderTestData.File("customers.jsonl.gz", gzip[..(gzip.Length / 2)]);

        var error = Assert.Throws<DataLoadException>(() => CustomerLoader.Load(file.Path, LoaderTestData.Lenient));

        // No row of the good half is rejected; the last line read in full is 1,487 of 3,000.
        Assert.Equal($"{file.Path}(1487): error: {Truncated}", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Load_ConcatenatedMembers_EveryRowLoaded()
    {
        var first = Gzip(Encoding.UTF8.GetBytes("customer_id,segment\nC1,Basic\nC2,Gold\n"));
        var second = Gzip(Encoding.UTF8.GetBytes("C3,Basic\n"));
        using var file = LoaderTestData.File("customers.csv.gz", [.. first, .. second]);

        var result = CustomerLoader.Load(file.Path);

        Assert.Equal(["C1", "C2", "C3"], result.Rows.Select(c => c.Id));
    }

    [Fact]
    public void Load_EmptyGzipFile_SourceIsEmpty()
    {
        using var file = LoaderTestData.File("customers.csv.gz", []);

        var error = Assert.Throws<DataLoadException>(() => CustomerLoader.Load(file.Path));

        Assert.Equal("the source is empty", Assert.Single(error.Diagnostics).Problem);
    }

    /// <summary>The gzip of <paramref name="rows"/> customers, and the compressed length after a flush that follows row <paramref name="flushAfter"/>.</summary>
    private static (byte[] Gzip, int FlushedAt) Customers(int rows, int flushAfter)
    {
        using var output = new MemoryStream();
        var flushedAt = 0;
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write("customer_id,segment\n"u8);
            for (var i = 1; i <= rows; i++)
            {
                gzip.Write(Encoding.UTF8.GetBytes($"C{i},Basic\n"));
                if (i == flushAfter)
                {
                    gzip.Flush();
                    flushedAt = (int)output.Length;
                }
            }
        }

        return (output.ToArray(), flushedAt);
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
