using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CustomerAnalytics.Loading;

/// <summary>Dates and timestamps straight from UTF-8 spans: the fixed ISO forms fast, the rest through the BCL.</summary>
internal static class TimestampFieldParser
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    /// <summary>The offset of a time zone for one local minute: whether the minute exists there, and its offset.</summary>
    internal readonly record struct ZoneCache(TimeZoneInfo? Zone, long Minute, TimeSpan Offset, bool Valid)
    {
        public bool Filled => Zone is not null;
    }

    /// <summary>Whether an ISO timestamp has a nonzero digit beyond the 7th after the seconds' point (finer than a tick).</summary>
    public static bool IsTooPreciseTimestamp(ReadOnlySpan<byte> text)
    {
        if (text.Length < 28 || text[19] is not ((byte)'.' or (byte)',') || text[16] != (byte)':')
        {
            return false;
        }

        var digits = text[20..];
        var end = digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        digits = end < 0 ? digits : digits[..end];
        return digits.Length > 7 && digits[7..].IndexOfAnyExcept((byte)'0') >= 0;
    }

    /// <summary>A date as <c>yyyy-MM-dd</c> (fast) or any invariant date form; a timestamp gives its date as written.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> text, out DateOnly value)
    {
        if (text.Length == 10 && TryReadDate(text, out var year, out var month, out var day) && IsValidDate(year, month, day))
        {
            value = new DateOnly(year, month, day);
            return true;
        }

        if (TryParseTimestamp(text, TimeZoneInfo.Utc, out var timestamp))
        {
            value = DateOnly.FromDateTime(timestamp.DateTime);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// A timestamp: <c>yyyy-MM-dd</c>, then optionally <c>T</c> or a space and <c>HH:mm[:ss[.fffffff]]</c>, then optionally
    /// <c>Z</c> or <c>±HH:mm</c> (fast); else any invariant form. Without an offset the time is in <paramref name="zone"/>.
    /// </summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        var cache = default(ZoneCache);
        return TryParseTimestamp(text, zone, ref cache, out value);
    }

    /// <summary>
    /// As <see cref="TryParseTimestamp(ReadOnlySpan{byte}, TimeZoneInfo, out DateTimeOffset)"/>, with
    /// <paramref name="cache"/> (kept by the caller across rows) holding the zone's offset for the last local minute converted.
    /// </summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> text, TimeZoneInfo zone, ref ZoneCache cache, out DateTimeOffset value)
    {
        if (TryParseIso(text, zone, ref cache, out value, out var valid))
        {
            return valid;
        }

        return TryParseSlow(text, zone, ref cache, out value);
    }

    /// <summary>
    /// The fast path of <see cref="TryParseTimestamp(ReadOnlySpan{byte}, TimeZoneInfo, ref ZoneCache, out DateTimeOffset)"/>:
    /// <see langword="false"/> when the text is not in the ISO form (another parser may read it); else
    /// <paramref name="valid"/> says whether the ISO text names a real instant. Its steps are small and inlined: it runs per field.
    /// </summary>
    private static bool TryParseIso(ReadOnlySpan<byte> text, TimeZoneInfo zone, ref ZoneCache cache, out DateTimeOffset value, out bool valid)
    {
        value = default;
        valid = false;
        var i = 10;
        if (text.Length < 10 || !TryReadDate(text, out var year, out var month, out var day) || !TryReadIsoTime(text, ref i, out var time))
        {
            return false;
        }

        var form = ReadIsoOffset(text, i, out var offset);
        if (form == IsoOffset.NotIso)
        {
            return false;
        }

        // The form is ISO: an impossible date, time or offset is invalid, not another form.
        if (form == IsoOffset.OutOfRange || !time.Valid || !IsValidDate(year, month, day))
        {
            return true;
        }

        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified).AddTicks(time.Ticks);
        valid = TryApplyZone(local, offset, zone, ref cache, out value);
        return true;
    }

    /// <summary>
    /// The time after an ISO date, from <paramref name="i"/>: nothing (midnight), or <c>T</c> or a space and
    /// <c>HH:mm[:ss[.fffffff]]</c>; <paramref name="i"/> moves past it. <see langword="false"/> when it is not that form;
    /// an impossible time in that form (25:00) is read, and marked not valid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadIsoTime(ReadOnlySpan<byte> text, ref int i, out IsoTime time)
    {
        time = new IsoTime(0, Valid: true);
        if (i >= text.Length || text[i] is not ((byte)'T' or (byte)'t' or (byte)' '))
        {
            return true;
        }

        if (text.Length < i + 6 || !TryTwo(text, i + 1, out var hour) || text[i + 3] != (byte)':' || !TryTwo(text, i + 4, out var minute))
        {
            return false;
        }

        i += 6;
        var second = 0;
        long fractionTicks = 0;
        var tooPrecise = false;
        if (i < text.Length && text[i] == (byte)':')
        {
            if (!TryTwo(text, i + 1, out second))
            {
                return false;
            }

            i += 3;
            if (i < text.Length && text[i] is (byte)'.' or (byte)',' && !TryReadFraction(text, ref i, out fractionTicks, out tooPrecise))
            {
                return false;
            }
        }

        var valid = !tooPrecise && hour <= 23 && minute <= 59 && second <= 59;
        time = new IsoTime((hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TicksPerSecond) + fractionTicks, valid);
        return true;
    }

    /// <summary>The fraction of a second after the separator at <paramref name="i"/>, in ticks; at least one digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadFraction(ReadOnlySpan<byte> text, ref int i, out long fractionTicks, out bool tooPrecise)
    {
        fractionTicks = 0;
        tooPrecise = false;
        i++;
        var scale = TicksPerSecond;
        var start = i;
        for (; i < text.Length && (uint)(text[i] - (byte)'0') <= 9; i++)
        {
            if (scale == 1)
            {
                // Finer than a tick (100 ns): zeros lose nothing, any other digit would be dropped.
                tooPrecise |= text[i] != (byte)'0';
                continue;
            }

            scale /= 10;
            fractionTicks += (text[i] - (byte)'0') * scale;
        }

        return i != start;
    }

    /// <summary>The rest of an ISO timestamp from <paramref name="i"/>: nothing (no offset), <c>Z</c>, or <c>±HH[:]mm</c> / <c>±HH</c> up to ±14:00.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static IsoOffset ReadIsoOffset(ReadOnlySpan<byte> text, int i, out TimeSpan? offset)
    {
        offset = null;
        if (i >= text.Length)
        {
            return IsoOffset.Read;
        }

        if (text[i] is (byte)'Z' or (byte)'z' && i + 1 == text.Length)
        {
            offset = TimeSpan.Zero;
            return IsoOffset.Read;
        }

        if (text[i] is not ((byte)'+' or (byte)'-') || !TryTwo(text, i + 1, out var offsetHours))
        {
            return IsoOffset.NotIso;
        }

        var offsetMinutes = 0;
        var rest = text.Length - (i + 3);
        if (!((rest == 3 && text[i + 3] == (byte)':' && TryTwo(text, i + 4, out offsetMinutes))
            || (rest == 2 && TryTwo(text, i + 3, out offsetMinutes))
            || rest == 0))
        {
            return IsoOffset.NotIso;
        }

        if (offsetMinutes > 59 || (offsetHours * 60) + offsetMinutes > 14 * 60)
        {
            return IsoOffset.OutOfRange;
        }

        var sign = text[i] == (byte)'-' ? -1 : 1;
        offset = new TimeSpan(sign * offsetHours, sign * offsetMinutes, 0);
        return IsoOffset.Read;
    }

    private static bool TryParseSlow(ReadOnlySpan<byte> text, TimeZoneInfo zone, ref ZoneCache cache, out DateTimeOffset value)
    {
        value = default;
        if (text.IsEmpty || text.Length > 64)
        {
            return false;
        }

        var chars = Encoding.UTF8.GetString(text);

        // Without NoCurrentDateDefault a time alone (10:30) would take today's date from the machine's clock: it
        // takes the year 1 instead, and is rejected.
        const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind | DateTimeStyles.NoCurrentDateDefault;
        if (!DateTime.TryParse(chars, CultureInfo.InvariantCulture, Styles, out var parsed) || parsed.Year == 1)
        {
            return false;
        }

        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            return TryApplyZone(parsed, null, zone, ref cache, out value);
        }

        // An offset was written: read it exactly.
        return DateTimeOffset.TryParse(chars, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);
    }

    private static bool TryApplyZone(DateTime local, TimeSpan? offset, TimeZoneInfo zone, ref ZoneCache cache, out DateTimeOffset value)
    {
        value = default;
        if (offset is null)
        {
            if (zone == TimeZoneInfo.Utc)
            {
                offset = TimeSpan.Zero;
            }
            else
            {
                // Zone rules change on whole minutes, so one look-up serves every timestamp of the same local minute.
                var minute = local.Ticks / TimeSpan.TicksPerMinute;
                if (!cache.Filled || cache.Minute != minute || !ReferenceEquals(cache.Zone, zone))
                {
                    var invalid = zone.IsInvalidTime(local);
                    cache = new ZoneCache(zone, minute, invalid ? TimeSpan.Zero : zone.GetUtcOffset(local), !invalid);
                }

                if (!cache.Valid)
                {
                    return false;
                }

                offset = cache.Offset;
            }
        }

        var utcTicks = local.Ticks - offset.Value.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(local, offset.Value);
        return true;
    }

    private static bool TryReadDate(ReadOnlySpan<byte> text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (text[4] != (byte)'-' || text[7] != (byte)'-' || !TryTwo(text, 0, out var century) || !TryTwo(text, 2, out var yy)
            || !TryTwo(text, 5, out month) || !TryTwo(text, 8, out day))
        {
            return false;
        }

        year = (century * 100) + yy;
        return true;
    }

    private static bool IsValidDate(int year, int month, int day) =>
        year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static bool TryTwo(ReadOnlySpan<byte> text, int at, out int value)
    {
        value = 0;
        if (at + 2 > text.Length)
        {
            return false;
        }

        var high = text[at] - (byte)'0';
        var low = text[at + 1] - (byte)'0';
        if ((uint)high > 9 || (uint)low > 9)
        {
            return false;
        }

        value = (high * 10) + low;
        return true;
    }

    /// <summary>The time of day of an ISO timestamp in ticks, and whether it is one (hours ≤ 23, minutes and seconds ≤ 59, no digit finer than a tick).</summary>
    private readonly record struct IsoTime(long Ticks, bool Valid);

    /// <summary>What follows an ISO time: an offset (or none) read, a form that is not ISO, or an offset beyond ±14:00.</summary>
    private enum IsoOffset
    {
        Read,
        NotIso,
        OutOfRange,
    }
}
