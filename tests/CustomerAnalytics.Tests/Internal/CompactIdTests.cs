using System.Text;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Tests.Internal;

/// <summary>The compact forms of <see cref="Utf8IdTable"/>'s keys: UUIDs as 16 bytes, prefix+number ids packed.</summary>
public sealed class CompactIdTests
{
    [Theory]
    [InlineData("6ce37c26-db0a-41db-9f60-06d6db3327a8", false)]
    [InlineData("6CE37C26-DB0A-41DB-9F60-06D6DB3327A8", true)]
    [InlineData("00000000-0000-0000-0000-000000000000", false)]
    public void UuidText_Canonical_FormatsBackExactly(string text, bool upper)
    {
        Assert.True(UuidText.TryParse(Encoding.ASCII.GetBytes(text), out var high, out var low, out var isUpper));
        Assert.Equal(upper, isUpper);
        var back = new byte[36];
        UuidText.Format(high, low, isUpper, back);
        Assert.Equal(text, Encoding.ASCII.GetString(back));
        Assert.Equal(Guid.Parse(text).ToString("D").ToUpperInvariant(), text.ToUpperInvariant());
    }

    [Theory]
    [InlineData("6ce37c26-DB0A-41db-9f60-06d6db3327a8")] // mixed case would not format back
    [InlineData("6ce37c26db0a41db9f6006d6db3327a8")] // no hyphens
    [InlineData("{6ce37c26-db0a-41db-9f60-06d6db3327a8}")]
    [InlineData("6ce37c26-db0a-41db-9f60-06d6db3327ag")]
    [InlineData("6ce37c26-db0a-41db-9f60+06d6db3327a8")]
    public void UuidText_NotCanonical_False(string text) =>
        Assert.False(UuidText.TryParse(Encoding.ASCII.GetBytes(text), out _, out _, out _));

    [Fact]
    public void Utf8IdTable_EveryIdForm_EachKeyFindsItsOwnValueOnly()
    {
        // Ids that read alike but are different texts must stay different keys: case, leading zeros, digit count,
        // hyphens, a number beyond 15 digits, a placeholder-like byte, non-ASCII text.
        string[] ids =
        [
            "6ce37c26-db0a-41db-9f60-06d6db3327a8", "6CE37C26-DB0A-41DB-9F60-06D6DB3327A8", "6ce37c26-DB0A-41db-9f60-06d6db3327a8",
            "6ce37c26db0a41db9f6006d6db3327a8", "SKU-77423-181", "SKU-77423-0181", "SKU-7742-3181", "SKU-0", "SKU-00", "SKU-000000000",
            "SO-000000001", "SO-00000001", "SO-1", "so-000000001", "SO-000000001 ", "000000000123", "0000000000123",
            "A1234567890123456", "A1234567890123457", "Größe-000000017", "Größe-000000018", "C0000001", "C00000001",
            "x\u00ff-123456789",
        ];
        var table = new Utf8IdTable();
        for (var i = 0; i < ids.Length; i++)
        {
            var key = Encoding.UTF8.GetBytes(ids[i]);
            Assert.False(table.TryGetValue(key, out _), ids[i]);
            Assert.Equal(i, table.GetOrAdd(key, i));
        }

        for (var i = 0; i < ids.Length; i++)
        {
            Assert.True(table.TryGetValue(Encoding.UTF8.GetBytes(ids[i]), out var value), ids[i]);
            Assert.Equal(i, value);
            Assert.Equal(i, table.GetOrAdd(Encoding.UTF8.GetBytes(ids[i]), 999));
        }

        Assert.Equal(ids.Length, table.Count);
        Assert.False(table.TryGetValue("SKU-77423-182"u8, out _));
        Assert.False(table.TryGetValue("6ce37c26-db0a-41db-9f60-06d6db3327a9"u8, out _));
    }

    [Fact]
    public void Utf8IdTable_UuidsAndPrefixedNumbers_StoredCompactly()
    {
        // 1,000 UUIDs take 16 bytes each of the pool; 1,000 SKU and SO- ids none (packed into their slots).
        var table = new Utf8IdTable();
        for (var i = 0; i < 1000; i++)
        {
            table.GetOrAdd(Encoding.ASCII.GetBytes(new Guid(i, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).ToString("D")), table.Count);
            table.GetOrAdd(Encoding.ASCII.GetBytes($"SKU-{i:D5}-{i % 1000:D3}"), table.Count);
            table.GetOrAdd(Encoding.ASCII.GetBytes($"SO-{i:D9}"), table.Count);
        }

        Assert.Equal(3000, table.Count);
        Assert.Equal(16_000, table.PoolBytes);
    }

    [Fact]
    public void Utf8IdTable_TemplatesFull_LaterShapesKeptAsBytesAndStillFound()
    {
        // Every id its own shape (its letters differ): past 4,096 templates ids go to the pool as bytes,
        // and a shape first met after that never gets a template, so each id keeps one form for its whole life.
        var table = new Utf8IdTable();
        var ids = Enumerable.Range(0, IdTemplates.MaxTemplates + 50).Select(i => $"ID-{Letters(i)}-{i:D5}").ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(i, table.GetOrAdd(Encoding.ASCII.GetBytes(ids[i]), i));
        }

        for (var i = 0; i < ids.Length; i++)
        {
            Assert.True(table.TryGetValue(Encoding.ASCII.GetBytes(ids[i]), out var value));
            Assert.Equal(i, value);
        }

        // The 50 ids past the limit: 4 bytes of length and 12 of text each (ID-abc-01234).
        Assert.Equal(50 * (4 + 12), table.PoolBytes);
    }

    private static string Letters(int i) => new([(char)('a' + (i % 26)), (char)('a' + (i / 26 % 26)), (char)('a' + (i / 676 % 26))]);
}
