using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Tests.Internal;

public sealed class IdStorageTests
{
    [Fact]
    public void IdAccumulator_ConsecutiveIntegers_StoredAsNothing()
    {
        var ids = new IdAccumulator();
        foreach (var id in new[] { "41", "42", "43" })
        {
            ids.Add(id);
        }

        var column = ids.ToColumn();
        Assert.True(column.IsNumeric);
        Assert.Equal(0, column.Bytes);
        Assert.Equal(["41", "42", "43"], Enumerable.Range(0, column.Count).Select(i => column[i]));
    }

    [Fact]
    public void IdAccumulator_IntegersOutOfSequence_StoredAsNumbers()
    {
        var ids = new IdAccumulator();
        foreach (var id in new[] { "5", "6", "9", "2" })
        {
            ids.Add(id);
        }

        var column = ids.ToColumn();
        Assert.True(column.IsNumeric);
        Assert.Equal(32, column.Bytes);
        Assert.Equal([5L, 6L, 9L, 2L], Enumerable.Range(0, column.Count).Select(column.NumberAt));
    }

    [Theory]
    [InlineData("007")]
    [InlineData("T-1")]
    [InlineData("-3")]
    public void IdAccumulator_NonCanonicalId_EveryIdKeptAsText(string odd)
    {
        var ids = new IdAccumulator();
        ids.Add("10");
        ids.Add("11");
        ids.Add(odd);
        ids.Add(12);

        var column = ids.ToColumn();
        Assert.False(column.IsNumeric);
        Assert.Equal(["10", "11", odd, "12"], Enumerable.Range(0, column.Count).Select(i => column[i]));
    }

    [Fact]
    public void IdColumn_SelectOfConsecutive_StaysCompactWhenConsecutive()
    {
        var column = IdColumn.Consecutive(100, 5);

        Assert.Equal(0, column.Select([1, 2, 3]).Bytes);
        Assert.Equal(["100", "104"], [column.Select([0, 4])[0], column.Select([0, 4])[1]]);
        Assert.Equal(16, column.Select([0, 4]).Bytes);
    }

    [Fact]
    public void OrderIdInterner_SequentialInvoiceNumbers_IndexesComputed()
    {
        var orders = new OrderIdInterner();

        Assert.Equal([0, 0, 1, 2, 1, 3], new[] { "500", "500", "501", "502", "501", "503" }.Select(orders.Intern));
        var column = orders.ToColumn();
        Assert.Equal(0, column.Bytes);
        Assert.Equal(["500", "501", "502", "503"], Enumerable.Range(0, column.Count).Select(i => column[i]));
    }

    [Fact]
    public void OrderIdInterner_IntegersOutOfSequence_SameIndexesAsFirstAppearance()
    {
        var orders = new OrderIdInterner();

        Assert.Equal([0, 1, 2, 1, 3, 0, 4], new[] { "7", "8", "3", "8", "9", "7", "100" }.Select(orders.Intern));
        var column = orders.ToColumn();
        Assert.Equal(["7", "8", "3", "9", "100"], Enumerable.Range(0, column.Count).Select(i => column[i]));
    }

    [Fact]
    public void OrderIdInterner_TextAfterIntegers_SameIndexesAsFirstAppearance()
    {
        var orders = new OrderIdInterner();

        Assert.Equal([0, 1, 2, 0, 3, 2], new[] { "1", "2", "C-1", "1", "3", "C-1" }.Select(orders.Intern));
        Assert.Equal(4, orders.Count);
        var column = orders.ToColumn();
        Assert.False(column.IsNumeric);
        Assert.Equal(["1", "2", "C-1", "3"], Enumerable.Range(0, column.Count).Select(i => column[i]));
    }

    [Fact]
    public void ChunkedColumn_ManyValues_CopiedInOrderOnce()
    {
        var column = new ChunkedColumn<int>();
        column.AddMany(-1, 3);
        for (var i = 0; i < ChunkedColumn<int>.MaxChunk + 10; i++)
        {
            column.Add(i);
        }

        var array = column.ToArray();
        Assert.Equal(ChunkedColumn<int>.MaxChunk + 13, array.Length);
        Assert.Equal([-1, -1, -1, 0, 1], array[..5]);
        Assert.Equal(ChunkedColumn<int>.MaxChunk + 9, array[^1]);
        Assert.Equal(0, column.Count);
    }
}
