using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Tests.Recommendations;

public sealed class ReasonTextTests
{
    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(111, "111th")]
    [InlineData(123, "123rd")]
    public void Ordinal_Numbers_EnglishSuffix(int n, string expected)
    {
        Assert.Equal(expected, ReasonText.Ordinal(n));
    }

    [Theory]
    [InlineData("796", "796.00")]
    [InlineData("0.1234", "0.1234")]
    [InlineData("-5.5", "-5.50")]
    [InlineData("1234567.891", "1234567.891")]
    public void Amount_Values_TwoToFourDecimalsNoGrouping(string value, string expected)
    {
        Assert.Equal(expected, ReasonText.Amount(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void SegmentFavourite_ThirdCategory_OrdinalInText()
    {
        Assert.Equal("top seller in your segment's 3rd favourite category, Toys", ReasonText.SegmentFavourite(3, "Toys"));
    }
}
