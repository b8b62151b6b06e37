using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Tests.Internal;

public sealed class PrefixedNumberTests
{
    [Theory]
    [InlineData("SO-000000001", "SO-", 9, 1L)]
    [InlineData("SKU-0", "SKU-", 1, 0L)]
    [InlineData("000123", "", 6, 123L)]
    [InlineData("INV2024-0042", "INV2024-", 4, 42L)]
    [InlineData("Ö-17", "Ö-", 2, 17L)]
    [InlineData("A999999999999999999", "A", 18, 999_999_999_999_999_999L)]
    public void TryParse_PrefixAndDigits_FormatsBackExactly(string id, string prefix, int digits, long value)
    {
        Assert.True(PrefixedNumber.TryParse(id, out var p, out var d, out var v));
        Assert.Equal((prefix, digits, value), (p.ToString(), d, v));
        Assert.Equal(id, PrefixedNumber.Format(prefix, digits, value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("SO-")]
    [InlineData("A1234567890123456789")] // 19 digits: more than a long is sure to hold
    [InlineData("12a")]
    [InlineData("SO-١٢")] // Arabic-Indic digits are not ASCII digits
    public void TryParse_NoTrailingRunOfUpTo18AsciiDigits_False(string id) =>
        Assert.False(PrefixedNumber.TryParse(id, out _, out _, out _));

    [Fact]
    public void OrderIdInterner_PrefixedOrderNumbers_StoredAsNothingAndRoundTrip()
    {
        var orders = new OrderIdInterner();

        Assert.Equal([0, 0, 1, 2, 1], new[] { "SO-000000001", "SO-000000001", "SO-000000002", "SO-000000003", "SO-000000002" }.Select(orders.Intern));
        var column = orders.ToColumn();
        Assert.Equal(0, column.Bytes);
        Assert.False(column.IsNumeric);
        Assert.Equal(["SO-000000001", "SO-000000002", "SO-000000003"], Enumerable.Range(0, column.Count).Select(i => column[i]));
    }

    [Fact]
    public void OrderIdInterner_PrefixedOutOfSequence_EightBytesEachAndRoundTrip()
    {
        var orders = new OrderIdInterner();

        Assert.Equal([0, 1, 2, 0], new[] { "SO-0007", "SO-0003", "SO-1000", "SO-0007" }.Select(orders.Intern));
        var column = orders.ToColumn();
        Assert.Equal(24, column.Bytes);
        Assert.Equal(["SO-0007", "SO-0003", "SO-1000"], Enumerable.Range(0, column.Count).Select(i => column[i]));
        Assert.Equal(["SO-0003", "SO-0007"], [column.Select([1, 0])[0], column.Select([1, 0])[1]]);
    }

    [Theory]
    [InlineData("SO-01")] // another digit count
    [InlineData("so-001")] // another case
    [InlineData("PO-001")] // another prefix
    [InlineData("17")] // a plain integer
    [InlineData("SO-")] // no number
    public void OrderIdInterner_IdOfAnotherShape_EveryIdKeptAsExactText(string odd)
    {
        var orders = new OrderIdInterner();

        Assert.Equal([0, 1, 2, 3, 0], new[] { "SO-001", "SO-002", odd, "SO-003", "SO-001" }.Select(orders.Intern));
        var column = orders.ToColumn();
        Assert.Equal(["SO-001", "SO-002", odd, "SO-003"], Enumerable.Range(0, column.Count).Select(i => column[i]));
    }

    [Fact]
    public void OrderIdInterner_IntegersThenPrefixed_KeptAsText()
    {
        var orders = new OrderIdInterner();

        Assert.Equal([0, 1, 2], new[] { "1", "2", "SO-3" }.Select(orders.Intern));
        var column = orders.ToColumn();
        Assert.Equal(["1", "2", "SO-3"], Enumerable.Range(0, column.Count).Select(i => column[i]));
    }

    [Fact]
    public void OrderIdInterner_InternAllOfPrefixedParts_SameIndexesAsOneByOne()
    {
        // A parallel load interns each part's order column into the whole file's: same prefix → by number.
        var first = new OrderIdInterner();
        var second = new OrderIdInterner();
        foreach (var id in new[] { "SO-001", "SO-002" })
        {
            first.Intern(id);
        }

        foreach (var id in new[] { "SO-002", "SO-003", "SO-009" })
        {
            second.Intern(id);
        }

        Assert.Equal([1, 2, 3], first.InternAll(second.ToColumn()));
        var column = first.ToColumn();
        Assert.Equal(["SO-001", "SO-002", "SO-003", "SO-009"], Enumerable.Range(0, column.Count).Select(i => column[i]));
    }

    [Fact]
    public void OrderIdInterner_InternAllOfIntegersIntoPrefixed_KeptAsText()
    {
        var prefixed = new OrderIdInterner();
        prefixed.Intern("SO-001");
        var integers = new OrderIdInterner();
        integers.Intern("2");
        integers.Intern("3");

        Assert.Equal([1, 2], prefixed.InternAll(integers.ToColumn()));
        var column = prefixed.ToColumn();
        Assert.Equal(["SO-001", "2", "3"], Enumerable.Range(0, column.Count).Select(i => column[i]));
    }
}
