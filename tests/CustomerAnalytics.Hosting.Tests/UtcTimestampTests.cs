using CustomerAnalytics.Hosting.Internal;

namespace CustomerAnalytics.Hosting.Tests;

public sealed class UtcTimestampTests
{
    [Theory]
    [InlineData(2024, 3, 1, 12, 0, 0, 500, 60, "2024-03-01T11:00:00.5000000Z")]
    [InlineData(2024, 2, 29, 23, 30, 15, 0, -330, "2024-03-01T05:00:15.0000000Z")]
    [InlineData(1999, 12, 31, 23, 59, 59, 999, 0, "1999-12-31T23:59:59.9990000Z")]
    public void Format_AnyOffset_UtcRoundTripWithZ(int year, int month, int day, int hour, int minute, int second, int millisecond, int offsetMinutes, string expected)
    {
        var at = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.FromMinutes(offsetMinutes));

        Assert.Equal(expected, UtcTimestamp.Format(at));
    }

    [Fact]
    public void Format_SubMillisecondTicks_Kept()
    {
        var at = new DateTimeOffset(2024, 3, 1, 11, 0, 0, TimeSpan.Zero).AddTicks(1234567);

        Assert.Equal("2024-03-01T11:00:00.1234567Z", UtcTimestamp.Format(at));
    }
}
