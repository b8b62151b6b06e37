using System.Text;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Tests.Loading;

public class CsvCutPlacementTests
{
    [Theory]
    [InlineData("1,C1,P1,1,2024-01-01,ok\n2,C2,P2,1,2024-01-01,ok\n", 0)]
    [InlineData("1,C1,P1,1,2024-01-01,\"a quoted note\"\n", 0)]
    [InlineData("1,C1,P1,1,2024-01-01,12\" vinyl\n2,C2,P2,1,2024-01-01,\"opens\"\n", 0)]
    [InlineData("a gift,\na gift,\nwrapped\"\n2,C2,P2,1,2024-01-01,ok\n", 25)]
    [InlineData("a \"\"quoted\"\" gift\nwrapped\",x\n2,C2,P2,1,2024-01-01,ok\n", 29)]
    [InlineData("still inside\ncloses\"\r\n2,C2,P2,1,2024-01-01,ok\r\n", 22)]
    public void Place_FromALineStart_MovesPastAQuotedValueItFallsInside(string bytes, int expected)
    {
        var text = Encoding.UTF8.GetBytes(bytes);

        var cut = CsvCutPlacement.Place(text, (byte)',');

        Assert.Equal(expected, cut);
        Assert.True(cut == 0 || text[cut - 1] == (byte)'\n');
    }

    [Fact]
    public void Place_QuotedValueNotClosedInTheWindow_StaysWhereItIs()
    {
        var text = Encoding.UTF8.GetBytes("a gift,\na gift,\nstill open");

        Assert.Equal(0, CsvCutPlacement.Place(text, (byte)','));
    }

    [Fact]
    public void Place_OtherSeparator_ReadsQuotesAgainstIt()
    {
        var text = Encoding.UTF8.GetBytes("inside\nends\";2;C2\n3;C3\n");

        Assert.Equal(18, CsvCutPlacement.Place(text, (byte)';'));
    }
}
