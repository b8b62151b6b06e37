using System.Globalization;
using System.Text;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>The span parsers against the BCL's parsers, on fixed cases and on seeded random input.</summary>
public class FieldParsersTests
{
    private static ReadOnlySpan<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData("19.99", 199_900)]
    [InlineData("-12.5", -125_000)]
    [InlineData("+3", 30_000)]
    [InlineData(".5", 5_000)]
    [InlineData("7.", 70_000)]
    [InlineData("0.0001", 1)]
    [InlineData("2.55000000", 25_500)]
    [InlineData("1e2", 1_000_000)]
    [InlineData("123456789012345.5", 1_234_567_890_123_455_000)]
    public void TryParseMoney_Valid_Units(string text, long units)
    {
        Assert.Equal(MoneyFieldParser.MoneyParse.Ok, MoneyFieldParser.TryParseMoney(Utf8(text), out var parsed));
        Assert.Equal(units, parsed);
    }

    [Theory]
    [InlineData("", "NotANumber")]
    [InlineData("-", "NotANumber")]
    [InlineData(".", "NotANumber")]
    [InlineData("1,5", "NotANumber")]
    [InlineData("£2", "NotANumber")]
    [InlineData("0.00001", "TooPrecise")]
    [InlineData("99999999999999999999", "OutOfRange")]
    public void TryParseMoney_Invalid_Outcome(string text, string outcome) =>
        Assert.Equal(outcome, MoneyFieldParser.TryParseMoney(Utf8(text), out _).ToString());

    [Fact]
    public void TryParseMoney_SeededRandomDecimals_SameAsDecimal()
    {
        var random = new Random(20240301);
        for (var i = 0; i < 20_000; i++)
        {
            var value = Math.Round((decimal)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(0, 12))), random.Next(0, 5));
            var text = value.ToString(random.Next(2) == 0 ? "G" : "F4", CultureInfo.InvariantCulture);

            Assert.Equal(MoneyFieldParser.MoneyParse.Ok, MoneyFieldParser.TryParseMoney(Utf8(text), out var units));
            Assert.Equal(value, units / 10_000m);
        }
    }

    [Theory]
    [InlineData("2024-03-01T10:00:00Z", "2024-03-01T10:00:00+00:00")]
    [InlineData("2024-03-01 10:00", "2024-03-01T10:00:00+00:00")]
    [InlineData("2024-03-01", "2024-03-01T00:00:00+00:00")]
    [InlineData("2024-03-01T10:00:00.1234567-05:30", "2024-03-01T10:00:00.1234567-05:30")]
    [InlineData("2024-03-01T10:00:00+0200", "2024-03-01T10:00:00+02:00")]
    [InlineData("2024-03-01T10:00:00+02", "2024-03-01T10:00:00+02:00")]
    [InlineData("2024-02-29t23:59:59,5z", "2024-02-29T23:59:59.5+00:00")]
    [InlineData("12/1/2010 8:26", "2010-12-01T08:26:00+00:00")]
    [InlineData("2024-03-01T10:00:00.000Z", "2024-03-01T10:00:00+00:00")]
    public void TryParseTimestamp_Forms_Instant(string text, string expected)
    {
        Assert.True(TimestampFieldParser.TryParseTimestamp(Utf8(text), TimeZoneInfo.Utc, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), value);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture).Offset, value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-03-01T24:00:00Z")]
    [InlineData("2024-03-01T10:00:00+15:00")]
    [InlineData("tomorrow")]
    public void TryParseTimestamp_Invalid_False(string text) =>
        Assert.False(TimestampFieldParser.TryParseTimestamp(Utf8(text), TimeZoneInfo.Utc, out _));

    /// <summary>Regression: an offset past ±14:00 by its minutes (+14:30) threw ArgumentOutOfRangeException out of the loader.</summary>
    [Theory]
    [InlineData("2024-03-01T10:00:00+14:30")]
    [InlineData("2024-03-01T10:00:00-14:59")]
    [InlineData("2024-03-01T10:00-1401")]
    public void TryParseTimestamp_OffsetBeyondFourteenHours_FalseNotThrow(string text) =>
        Assert.False(TimestampFieldParser.TryParseTimestamp(Utf8(text), TimeZoneInfo.Utc, out _));

    [Fact]
    public void TryParseTimestamp_OffsetOfFourteenHours_Valid()
    {
        Assert.True(TimestampFieldParser.TryParseTimestamp(Utf8("2024-03-01T10:00:00-14:00"), TimeZoneInfo.Utc, out var value));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(-14)), value);
    }

    /// <summary>Regression: a time without a date (10:30) was read as that time today, by the machine's clock.</summary>
    [Theory]
    [InlineData("10:30")]
    [InlineData("10:30:15")]
    [InlineData("10:30 PM")]
    [InlineData("10:30Z")]
    [InlineData("10:30 +02:00")]
    public void TryParseTimestamp_TimeWithoutDate_False(string text)
    {
        Assert.False(TimestampFieldParser.TryParseTimestamp(Utf8(text), TimeZoneInfo.Utc, out _));
        Assert.False(TimestampFieldParser.TryParseDate(Utf8(text), out _));
    }

    [Fact]
    public void TryParseTimestamp_SeededRandomIsoInstants_SameAsDateTimeOffset()
    {
        var random = new Random(541909);
        string[] formats = ["yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fffffffzzz", "yyyy-MM-ddTHH:mmzzz", "yyyy-MM-dd"];
        for (var i = 0; i < 20_000; i++)
        {
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 4, 14 * 4 + 1) * 15);
            var instant = new DateTimeOffset(new DateTime(2000, 1, 1).AddTicks((long)(random.NextDouble() * TimeSpan.FromDays(365 * 40).Ticks)), offset);
            var format = formats[random.Next(formats.Length)];
            var text = instant.ToString(format, CultureInfo.InvariantCulture);
            var expected = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

            Assert.True(TimestampFieldParser.TryParseTimestamp(Utf8(text), TimeZoneInfo.Utc, out var value), text);
            Assert.Equal(expected.UtcTicks, value.UtcTicks);
        }
    }

    [Fact]
    public void TryParseTimestamp_ZoneCacheAcrossRows_SameAsTimeZoneInfo()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var random = new Random(2011);
        var cache = default(TimestampFieldParser.ZoneCache);
        var start = new DateTime(2011, 3, 26, 22, 0, 0);
        var local = start;
        for (var i = 0; i < 20_000; i++)
        {
            // Walks of small steps (repeats of one minute) through both 2011 daylight-saving changes, then random jumps.
            local = i switch
            {
                0 => new DateTime(2011, 3, 27, 0, 0, 0),
                400 => new DateTime(2011, 10, 30, 0, 0, 0),
                < 800 => local.AddSeconds(random.Next(0, 90)),
                _ => random.Next(10) == 0 ? start.AddMinutes(random.Next(0, 60 * 24 * 250)) : local.AddSeconds(random.Next(0, 90)),
            };
            var text = local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

            var parsed = TimestampFieldParser.TryParseTimestamp(Utf8(text), london, ref cache, out var value);

            Assert.Equal(!london.IsInvalidTime(local), parsed);
            if (parsed)
            {
                Assert.Equal(new DateTimeOffset(local, london.GetUtcOffset(local)), value);
            }
        }
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("-80995", -80995)]
    [InlineData("+7", 7)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    public void TryParseInt32_Valid(string text, int expected)
    {
        Assert.True(FieldParsers.TryParseInt32(Utf8(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("2147483648")]
    [InlineData("1.0")]
    [InlineData("1 000")]
    [InlineData("12345678901")]
    public void TryParseInt32_Invalid(string text) => Assert.False(FieldParsers.TryParseInt32(Utf8(text), out _));

    [Theory]
    [InlineData("1", true)]
    [InlineData("536365", true)]
    [InlineData("007", false)]
    [InlineData("-1", false)]
    [InlineData("C536379", false)]
    [InlineData("1234567890123456789", false)]
    public void TryParseCanonicalInteger_OnlyTextThatFormatsBack(string text, bool canonical) =>
        Assert.Equal(canonical, FieldParsers.TryParseCanonicalInteger(Utf8(text), out _));

    [Fact]
    public void Utf8Interner_SeededRandomIds_DenseIndexesAndOneStringEach()
    {
        var random = new Random(4372);
        var interner = new Utf8Interner();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 50_000; i++)
        {
            var id = "C" + random.Next(0, 20_000).ToString(CultureInfo.InvariantCulture) + new string('x', random.Next(0, 12));
            var index = interner.IndexOf(Utf8(id));
            Assert.Equal(expected.TryAdd(id, expected.Count) ? expected.Count - 1 : expected[id], index);
            Assert.Equal(id, interner[index]);
            Assert.Same(interner[index], interner.Intern(Utf8(id)));
        }

        Assert.Equal(expected.Count, interner.Count);
    }
}
