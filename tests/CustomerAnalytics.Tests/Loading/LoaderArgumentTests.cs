using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>Null arguments are rejected by every loader entry point, before anything is read.</summary>
public class LoaderArgumentTests
{
    public static TheoryData<string, Func<Task>> NullArguments()
    {
        var builder = new EnrichedDatasetBuilder();
        var stream = new MemoryStream();
        var reader = new StringReader(string.Empty);
        return new TheoryData<string, Func<Task>>
        {
            { "CustomerLoader.Load(path)", () => Sync(() => CustomerLoader.Load((string)null!)) },
            { "CustomerLoader.Load(stream)", () => Sync(() => CustomerLoader.Load((Stream)null!, "s")) },
            { "CustomerLoader.Load(stream, name)", () => Sync(() => CustomerLoader.Load(stream, null!)) },
            { "CustomerLoader.Load(reader)", () => Sync(() => CustomerLoader.Load((TextReader)null!, "s")) },
            { "CustomerLoader.LoadAsync(path)", () => CustomerLoader.LoadAsync((string)null!) },
            { "CustomerLoader.LoadAsync(stream)", () => CustomerLoader.LoadAsync((Stream)null!, "s") },
            { "CustomerLoader.LoadAsync(reader)", () => CustomerLoader.LoadAsync((TextReader)null!, "s") },
            { "ProductLoader.Load(path)", () => Sync(() => ProductLoader.Load((string)null!)) },
            { "ProductLoader.Load(stream)", () => Sync(() => ProductLoader.Load((Stream)null!, "s")) },
            { "ProductLoader.LoadAsync(reader, name)", () => ProductLoader.LoadAsync(reader, null!) },
            { "TransactionLoader.Load(path)", () => Sync(() => TransactionLoader.Load((string)null!)) },
            { "TransactionLoader.Load(reader)", () => Sync(() => TransactionLoader.Load((TextReader)null!, "s")) },
            { "TransactionLoader.LoadInto(builder)", () => Sync(() => TransactionLoader.LoadInto(null!, "p")) },
            { "TransactionLoader.LoadInto(path)", () => Sync(() => TransactionLoader.LoadInto(builder, (string)null!)) },
            { "TransactionLoader.LoadInto(stream)", () => Sync(() => TransactionLoader.LoadInto(builder, (Stream)null!, "s")) },
            { "TransactionLoader.LoadIntoAsync(builder)", () => TransactionLoader.LoadIntoAsync(null!, "p") },
            { "OrderLinesLoader.LoadInto(builder)", () => Sync(() => OrderLinesLoader.LoadInto(null!, "p")) },
            { "OrderLinesLoader.LoadInto(stream)", () => Sync(() => OrderLinesLoader.LoadInto(builder, (Stream)null!, "s")) },
            { "OrderLinesLoader.LoadIntoAsync(path)", () => OrderLinesLoader.LoadIntoAsync(builder, null!) },
        };
    }

    [Theory]
    [MemberData(nameof(NullArguments))]
    public async Task Loaders_NullArgument_ThrowArgumentNullException(string call, Func<Task> load)
    {
        Assert.NotEmpty(call);
        await Assert.ThrowsAsync<ArgumentNullException>(load);
    }

    [Fact]
    public void Load_EmptyPath_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => CustomerLoader.Load(string.Empty));

        Assert.Equal("path", error.ParamName);
    }

    private static Task Sync(Action action)
    {
        action();
        return Task.CompletedTask;
    }
}
