using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Tests.Internal;

public class LargeArrayTests
{
    [Fact]
    public void Zeroed_ArrayOfManyMegabytesAfterAnotherWasUsed_AllZero()
    {
        // 16 MB, above the advised size: the memory may come back from an array written before.
        var used = LargeArray.Uninitialized<long>(2_000_000);
        Array.Fill(used, -1L);
        GC.KeepAlive(used);

        var zeroed = LargeArray.Zeroed<long>(2_000_000);

        Assert.Equal(2_000_000, zeroed.Length);
        Assert.True(zeroed.AsSpan().IndexOfAnyExcept(0L) < 0);
    }

    [Fact]
    public void Uninitialized_LargeAndSmall_WritableArraysOfTheLength()
    {
        var large = LargeArray.Uninitialized<int>(3_000_000);
        var small = LargeArray.Uninitialized<int>(10);
        var references = LargeArray.Uninitialized<string>(2_000_000);

        large[^1] = 7;
        small[^1] = 8;
        references[^1] = "x";

        Assert.Equal((3_000_000, 7, 10, 8, 2_000_000, "x"), (large.Length, large[^1], small.Length, small[^1], references.Length, references[^1]));
        Assert.Null(references[0]);
    }
}
