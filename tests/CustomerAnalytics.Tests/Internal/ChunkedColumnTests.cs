using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Tests.Internal;

public class ChunkedColumnTests
{
    [Fact]
    public void MoveFrom_PartlyFilledChunksThenMoreItems_KeepsEveryItemInOrder()
    {
        var column = new ChunkedColumn<int>();
        var part = new ChunkedColumn<int>();
        for (var i = 0; i < 40; i++)
        {
            column.Add(i);
        }

        for (var i = 40; i < 75; i++)
        {
            part.Add(i);
        }

        column.MoveFrom(part);
        column.Add(75);
        column.AddMany(76, 3);

        Assert.Equal(0, part.Count);
        Assert.Equal(79, column.Count);
        Assert.Equal(Enumerable.Range(0, 76).Concat([76, 76, 76]), column.ToArray());
        Assert.Equal(0, column.Count);
    }

    [Fact]
    public void ChunkSpan_ChangedInPlace_ChangesTheItems()
    {
        var column = new ChunkedColumn<int>();
        for (var i = 0; i < 100; i++)
        {
            column.Add(i);
        }

        for (var c = 0; c < column.ChunkCount; c++)
        {
            foreach (ref var item in column.ChunkSpan(c))
            {
                item *= 2;
            }
        }

        Assert.Equal(Enumerable.Range(0, 100).Select(i => i * 2), column.ToArray());
    }
}
