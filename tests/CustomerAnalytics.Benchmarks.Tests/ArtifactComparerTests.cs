using CustomerAnalytics.Benchmarks.Compare.Full;

namespace CustomerAnalytics.Benchmarks.Tests;

public sealed class ArtifactComparerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string A => Path.Combine(_folder.Path, "a.csv");

    private string B => Path.Combine(_folder.Path, "b.csv");

    [Fact]
    public void Bytes_of_identical_files_are_equal_and_count_the_rows_after_the_header()
    {
        var result = Compare(ArtifactComparer.Bytes, "a,b\n1,2\n3,4\n", "a,b\n1,2\n3,4\n");

        Assert.Equal(("bytes", 2L, (string?)null), (result.Method, result.Rows, result.Difference));
    }

    [Fact]
    public void Bytes_name_the_line_column_and_offset_of_the_first_difference()
    {
        // "a,b\n1,2\n" is 8 bytes; '4' is the third byte of line 3, offset 10.
        var result = Compare(ArtifactComparer.Bytes, "a,b\n1,2\n3,4\n", "a,b\n1,2\n3,5\n");

        Assert.Equal($"x.csv: line 3, column 3 (byte offset 10): byte 0x34 vs 0x35 ({A} vs {B})", result.Difference);
        Assert.False(result.Equal);
    }

    [Fact]
    public void Bytes_report_the_shorter_file() =>
        Assert.Equal(
            $"x.csv: line 2, column 4 (byte offset 7): the second file ends ({A} vs {B})",
            Compare(ArtifactComparer.Bytes, "a,b\n1,2\n", "a,b\n1,2").Difference);

    [Fact]
    public void Cells_compare_pandas_formats_with_the_library_s_on_the_shared_columns()
    {
        // pandas: float money (199.0, the repr of 3 × 19.99), "+00:00" timestamps, its own column order, no order_id.
        var result = Compare(
            ArtifactComparer.Cells,
            "txn_id,qty,ts,price,signup_date,revenue,order_id\n1,3,2024-03-01T10:00:00Z,19.99,2024-01-10,59.97,7\n2,1,2024-03-01T10:05:00Z,199.00,,199.00,8\n",
            "txn_id,qty,ts,price,revenue,signup_date\n1,3,2024-03-01 10:00:00+00:00,19.99,59.970000000000006,2024-01-10\n2,1,2024-03-01 10:05:00+00:00,199.0,199.0,\n");

        Assert.Equal(("cells (txn_id, qty, ts, price to the cent, signup_date, revenue to the cent)", 2L, (string?)null), (result.Method, result.Rows, result.Difference));
    }

    [Theory]
    [InlineData("segment,revenue\nSMB,558.97\nConsumer,318.94\n", "x.csv: line 3, column revenue: '318.95' ({0}) vs '318.94' ({1})")]
    [InlineData("segment,revenue\nSMB,558.97\n", "x.csv: 1 rows in one file, more in {0} (line 3)")]
    [InlineData("key,value\nSMB,558.97\n", "x.csv: no column in common ({0}: segment,revenue; {1}: key,value)")]
    public void Cells_say_where_the_first_difference_is(string other, string expected) =>
        Assert.Equal(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, A, B),
            Compare(ArtifactComparer.Cells, "segment,revenue\nSMB,558.97\nConsumer,318.95\n", other).Difference);

    [Theory]
    [InlineData("revenue", "0.005", "0.01", true)] // to the cent, half away from zero
    [InlineData("revenue", "0.004", "0.01", false)]
    [InlineData("price", "199.0", "199.00", true)]
    [InlineData("ts", "2024-03-01 10:00:00+00:00", "2024-03-01T10:00:00Z", true)]
    [InlineData("ts", "2024-03-01 11:00:00+01:00", "2024-03-01T10:00:00Z", true)] // the same instant
    [InlineData("ts", "2024-03-01 10:00:01+00:00", "2024-03-01T10:00:00Z", false)]
    [InlineData("qty", "1.0", "1", false)] // not money: the same text or nothing
    [InlineData("customer_id", "C001", "c001", false)]
    public void SameValue_compares_by_the_column_s_kind(string column, string x, string y, bool same) =>
        Assert.Equal(same, ArtifactComparer.SameValue(column, x, y));

    public void Dispose() => _folder.Dispose();

    private FileComparison Compare(Func<string, string, string, FileComparison> compare, string expected, string actual)
    {
        File.WriteAllText(A, expected);
        File.WriteAllText(B, actual);
        return compare("x.csv", A, B);
    }
}
