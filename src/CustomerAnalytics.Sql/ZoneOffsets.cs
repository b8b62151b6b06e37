using System.Globalization;
using System.Text;

namespace CustomerAnalytics.Sql;

/// <summary>
/// A time zone's UTC offsets as the engine reads them: the offsets .NET's <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/>
/// gives (the in-memory calculators' rule), so the engine's own time zone database never plays a part. A zone whose
/// offset never changes between 1900 and 2100 is one offset; any other is a list of segments (bucket, from, to, offset;
/// microseconds since 1970 UTC) cut at every change and at every bucket boundary, so the engine finds an instant's
/// offset by an equality join on the bucket and a range test among a few rows.
/// </summary>
internal sealed class ZoneOffsets
{
    /// <summary>The width of a bucket: 1,024 days, in microseconds.</summary>
    public const long BucketMicroseconds = 1024L * DayMicroseconds;

    /// <summary>One day in microseconds.</summary>
    public const long DayMicroseconds = 86_400_000_000L;

    /// <summary>The first instant the segments cover (1900-01-01 UTC); earlier instants take its offset.</summary>
    public static readonly long FirstMicroseconds = Microseconds(new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>The end of the covered range (2100-01-01 UTC, exclusive); later instants take the offset before it.</summary>
    public static readonly long EndMicroseconds = Microseconds(new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    private ZoneOffsets(long? fixedOffset, string segments)
    {
        FixedOffset = fixedOffset;
        Segments = segments;
    }

    /// <summary>The offset in microseconds when it never changes; <see langword="null"/> when <see cref="Segments"/> apply.</summary>
    public long? FixedOffset { get; }

    /// <summary><c>bucket,from,to,offset</c> rows separated by <c>;</c>; empty for a fixed offset.</summary>
    public string Segments { get; }

    public static ZoneOffsets For(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var changes = Changes(zone);
        if (changes.Count == 1)
        {
            return new ZoneOffsets(changes[0].Offset, string.Empty);
        }

        var text = new StringBuilder();
        for (var i = 0; i < changes.Count; i++)
        {
            var from = changes[i].From;
            var to = i + 1 < changes.Count ? changes[i + 1].From : EndMicroseconds;
            while (from < to)
            {
                var bucket = FloorDivide(from, BucketMicroseconds);
                var end = Math.Min(to, (bucket + 1) * BucketMicroseconds);
                text.Append(CultureInfo.InvariantCulture, $"{bucket},{from},{end},{changes[i].Offset};");
                from = end;
            }
        }

        return new ZoneOffsets(null, text.ToString(0, text.Length - 1));
    }

    /// <summary>Each instant the offset changes (the first is the range's start) with the offset from then on.</summary>
    private static List<(long From, long Offset)> Changes(TimeZoneInfo zone)
    {
        var start = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var changes = new List<(long From, long Offset)> { (FirstMicroseconds, OffsetAt(zone, start)) };
        if (ReferenceEquals(zone, TimeZoneInfo.Utc) || (zone.GetAdjustmentRules().Length == 0 && !zone.SupportsDaylightSavingTime))
        {
            return changes;
        }

        // Offsets change at most a few times a year, never twice within a day: a daily step finds each change,
        // then bisection by the second finds its instant.
        var previous = start;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            var offset = OffsetAt(zone, day);
            if (offset != changes[^1].Offset)
            {
                long lo = previous.Ticks / TimeSpan.TicksPerSecond, hi = day.Ticks / TimeSpan.TicksPerSecond;
                while (hi - lo > 1)
                {
                    var mid = lo + ((hi - lo) / 2);
                    if (OffsetAt(zone, new DateTime(mid * TimeSpan.TicksPerSecond, DateTimeKind.Utc)) == offset)
                    {
                        hi = mid;
                    }
                    else
                    {
                        lo = mid;
                    }
                }

                changes.Add((Microseconds(new DateTime(hi * TimeSpan.TicksPerSecond, DateTimeKind.Utc)), offset));
            }

            previous = day;
        }

        return changes;
    }

    private static long OffsetAt(TimeZoneInfo zone, DateTime utc) => zone.GetUtcOffset(utc).Ticks / 10;

    private static long Microseconds(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks / 10;

    private static long FloorDivide(long value, long divisor) => (value - (((value % divisor) + divisor) % divisor)) / divisor;
}
