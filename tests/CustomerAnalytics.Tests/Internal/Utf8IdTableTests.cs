using System.Text;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Tests.Internal;

public class Utf8IdTableTests
{
    [Fact]
    public void TryGetValue_KeysOfEveryLengthAfterGrowing_FindsEachValueAndNoOther()
    {
        // Short keys live in their slot, long ones in the pool; ids that differ only in length or in a trailing NUL,
        // and long ids sharing their first 8 bytes, must not be confused.
        List<byte[]> keys = [[], [0], [0, 0], [(byte)'A'], [(byte)'A', 0]];
        for (var i = 0; i < 5000; i++)
        {
            keys.Add(Encoding.UTF8.GetBytes($"C{i:D7}"));
            keys.Add(Encoding.UTF8.GetBytes($"CUSTOMER-{i:D7}"));
            keys.Add(Encoding.UTF8.GetBytes($"{i}"));
        }

        var table = new Utf8IdTable();
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.False(table.TryGetValue(keys[i], out _));
            table.Add(keys[i], i * 3);
        }

        Assert.Equal(keys.Count, table.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.True(table.TryGetValue(keys[i], out var value));
            Assert.Equal(i * 3, value);
        }

        Assert.False(table.TryGetValue("C0005000"u8, out _));
        Assert.False(table.TryGetValue("CUSTOMER-0005000"u8, out _));
        Assert.False(table.TryGetValue([0, 0, 0], out _));
    }
}
