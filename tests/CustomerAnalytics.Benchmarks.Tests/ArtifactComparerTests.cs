using CustomerAnalytics.Benchmarks.Compare.Full;

namespace CustomerAnalytics.Benchmarks.Tests;

public sealed class ArtifactComparerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Bytes_of_identical_files_are_equal_and_count_the_rows_after_the_header()
    {
        var a = _folder.File("a.csv", "a,b\n1,2\n3,4\n");
        var b = _folder.File("b.csv", "a,b\n1,2\n3,4\n");

        var result = ArtifactComparer.Bytes("x.csv", a, b);

        Assert.Null(result.Difference);
        Assert.Equal(2, result.Rows);
        Assert.Equal("bytes", result.Method);
    }

    [Fact]
    public void Bytes_name_the_line_column_and_offset_of_the_first_difference()
    {
        var a = _folder.File("a.csv", "a,b\n1,2\n3,4\n");
        var b = _folder.File("b.csv", "a,b\n1,2\n3,5\n");

        var result = ArtifactComparer.Bytes("x.csv", a, b);

        // "a,b\n1,2\n" is 8 bytes; '4' is the third byte of line 3, offset 10.
        Assert.Equal($"x.csv: line 3, column 3 (byte offset 10): byte 0x34 vs 0x35 ({a} vs {b})", result.Difference);
        Assert.False(result.Equal);
    }

    [Fact]
    public void Bytes_report_the_shorter_file()
    {
        var a = _folder.File("a.csv", "a,b\n1,2\n");
        var b = _folder.File("b.csv", "a,b\n1,2");

        Assert.Equal($"x.csv: line 2, column 4 (byte offset 7): the second file ends ({a} vs {b})", ArtifactComparer.Bytes("x.csv", a, b).Difference);
    }

    [Fact]
    public void Cells_compare_pandas_formats_with_the_library_s_on_the_shared_columns()
    {
        // pandas: float money (199.0, the repr of 3 × 19.99), "+00:00" timestamps, its own column order, no order_id.
        var library = _folder.File("library.csv", "txn_id,qty,ts,price,signup_date,revenue,order_id\n1,3,2024-03-01T10:00:00Z,19.99,2024-01-10,59.97,7\n2,1,2024-03-01T10:05:00Z,199.00,,199.00,8\n");
        var pandas = _folder.File("pandas.csv", "txn_id,qty,ts,price,revenue,signup_date\n1,3,2024-03-01 10:00:00+00:00,19.99,59.970000000000006,2024-01-10\n2,1,2024-03-01 10:05:00+00:00,199.0,199.0,\n");

        var result = ArtifactComparer.Cells("events_enriched.csv", library, pandas);

        Assert.Null(result.Difference);
        Assert.Equal(2, result.Rows);
        Assert.Equal("cells (txn_id, qty, ts, price to the cent, signup_date, revenue to the cent)", result.Method);
    }

    [Fact]
    public void Cells_name_the_line_column_and_both_values_of_a_cent_off()
    {
        var library = _folder.File("library.csv", "segment,revenue\nSMB,558.97\nConsumer,318.95\n");
        var pandas = _folder.File("pandas.csv", "segment,revenue\nSMB,558.97\nConsumer,318.94\n");

        var result = ArtifactComparer.Cells("kpi_by_segment.csv", library, pandas);

        Assert.Equal($"kpi_by_segment.csv: line 3, column revenue: '318.95' ({library}) vs '318.94' ({pandas})", result.Difference);
    }

    [Fact]
    public void Cells_report_a_missing_row()
    {
        var library = _folder.File("library.csv", "segment,revenue\nSMB,558.97\nConsumer,318.95\n");
        var pandas = _folder.File("pandas.csv", "segment,revenue\nSMB,558.97\n");

        Assert.Equal($"kpi_by_segment.csv: 1 rows in one file, more in {library} (line 3)", ArtifactComparer.Cells("kpi_by_segment.csv", library, pandas).Difference);
    }

    [Fact]
    public void Cells_need_a_column_in_common()
    {
        var library = _folder.File("library.csv", "a\n1\n");
        var pandas = _folder.File("pandas.csv", "b\n1\n");

        Assert.Equal($"x.csv: no column in common ({library}: a; {pandas}: b)", ArtifactComparer.Cells("x.csv", library, pandas).Difference);
    }

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
}
