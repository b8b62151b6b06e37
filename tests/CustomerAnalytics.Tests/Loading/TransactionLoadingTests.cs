using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Tests.Loading;

public class TransactionLoadingTests
{
    private const string Lines = """
        transaction_id,customer,sku,quantity,timestamp,unit_price,order_id,amount
        T-1,C1,P1,2,2024-03-01 10:00:00,1.25,O1,
        T-2,C1,P2,-1,2024-03-01T10:00:00+02:00,,O1,
        007,C2,P1,3,2024-03-02,,,9.99
        """;

    [Fact]
    public void Load_OptionalColumnsAndAliases_ReadIntoTransactions()
    {
        using var stream = LoaderTestData.Utf8(Lines);

        var result = TransactionLoader.Load(stream, "lines.csv");

        Assert.Equal(
            new[]
            {
                new Transaction("T-1", "C1", "P1", 2, new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), 1.25m, "O1"),
                new Transaction("T-2", "C1", "P2", -1, new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(2)), null, "O1"),
                new Transaction("007", "C2", "P1", 3, new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero), null, null, 9.99m),
            },
            result.Rows);
    }

    [Fact]
    public void LoadAndLoadInto_NoIdColumnAndARejectedRow_SameRowNumbersAsIds()
    {
        const string text = """
            customer_id,product_id,qty,ts
            C1,P1,1,2024-03-01T10:00:00Z
            C1,P1,x,2024-03-01T10:00:00Z
            C2,P1,2,2024-03-02T10:00:00Z
            """;
        var builder = new EnrichedDatasetBuilder().AddCustomers([new Customer("C1", "A"), new Customer("C2", "B")]).AddProducts([new Product("P1", "X", 5m)]);

        var loaded = TransactionLoader.Load(LoaderTestData.Utf8(text), "t.csv", options: LoaderTestData.Lenient);
        TransactionLoader.LoadInto(builder, LoaderTestData.Utf8(text), "t.csv", options: LoaderTestData.Lenient);
        var dataset = builder.Build();

        Assert.Equal(["1", "3"], loaded.Rows.Select(t => t.Id).ToArray());
        Assert.Equal(["1", "3"], Enumerable.Range(0, dataset.TransactionCount).Select(dataset.GetTransactionId).ToArray());
    }

    [Fact]
    public void LoadInto_OptionalColumns_RevenueOrdersAndIdsAsLoaded()
    {
        var builder = new EnrichedDatasetBuilder()
            .AddCustomers([new Customer("C1", "A"), new Customer("C2", "B")])
            .AddProducts([new Product("P1", "X", 5m), new Product("P2", "Y", 4m)]);
        using var stream = LoaderTestData.Utf8(Lines);

        TransactionLoader.LoadInto(builder, stream, "lines.csv");
        var dataset = builder.Build();

        // 2 × 1.25 (own price) − 1 × 4.00 (list price) + 9.99 (line total).
        Assert.Equal(new OverallKpis(2, 3, 2, 4, 8.49m, 4.25m), KpiCalculator.Overall(dataset));
        Assert.Equal(["T-1", "T-2", "007"], Enumerable.Range(0, 3).Select(dataset.GetTransactionId));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero).UtcTicks, dataset.TimestampTicks[1]);
    }

    [Fact]
    public void Load_SourceTimeZone_AppliesToTimestampsWithoutOffset()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        using var stream = LoaderTestData.Utf8("customer_id,product_id,qty,ts\nC1,P1,1,2011-06-01 08:26:00\nC1,P1,1,2011-12-01 08:26\nC1,P1,1,2011-06-01T08:26:00Z\nC1,P1,1,2011-03-27 01:30:00\n");

        var result = TransactionLoader.Load(stream, "retail.csv", options: LoaderTestData.Lenient with { SourceTimeZone = london });

        Assert.Equal(
            [new DateTimeOffset(2011, 6, 1, 8, 26, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2011, 12, 1, 8, 26, 0, TimeSpan.Zero), new DateTimeOffset(2011, 6, 1, 8, 26, 0, TimeSpan.Zero)],
            result.Rows.Select(t => t.Timestamp));
        var gap = Assert.Single(result.Report.Diagnostics);
        Assert.Equal((5L, "ts", "2011-03-27 01:30:00", "not a timestamp"), (gap.Line, gap.Column, gap.Value, gap.Problem));
        Assert.Contains("(Europe/London)", gap.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_CanceledDuringTheLoad_ThrowsAndStops()
    {
        var csv = string.Join('\n', ["customer_id,product_id,qty,ts", .. Enumerable.Repeat("C1,P1,1,2024-01-01", 50_000)]);
        using var cancellation = new CancellationTokenSource();
        using var stream = new CancelingStream(System.Text.Encoding.UTF8.GetBytes(csv), cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TransactionLoader.LoadAsync(stream, "big.csv", DataFormat.Csv, null, cancellation.Token));
        Assert.True(stream.Position < stream.Length);
    }

    /// <summary>A stream that cancels the load once its first block has been read.</summary>
    private sealed class CancelingStream(byte[] data, CancellationTokenSource cancellation) : MemoryStream(data)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var count = await base.ReadAsync(buffer[..Math.Min(buffer.Length, 4096)], cancellationToken);
            await cancellation.CancelAsync();
            return count;
        }
    }
}
