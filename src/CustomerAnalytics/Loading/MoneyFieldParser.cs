using System.Globalization;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Loading;

/// <summary>Amounts straight from UTF-8 spans to <see cref="Money"/> units: plain decimals fast, the rest through <see cref="decimal"/>.</summary>
internal static class MoneyFieldParser
{
    /// <summary>The outcome of <see cref="TryParseMoney"/>.</summary>
    public enum MoneyParse
    {
        Ok,
        NotANumber,
        TooPrecise,
        OutOfRange,
    }

    /// <summary>
    /// A decimal amount to <see cref="Money"/> units: <c>-12.5</c>, <c>1999</c>, <c>.5</c>, with at most
    /// <see cref="Money.Scale"/> significant decimals (trailing zeros beyond are fine); exponents go through <see cref="decimal"/>.
    /// </summary>
    public static MoneyParse TryParseMoney(ReadOnlySpan<byte> text, out long units)
    {
        units = 0;
        if (text.IsEmpty)
        {
            return MoneyParse.NotANumber;
        }

        var negative = text[0] == (byte)'-';
        var i = text[0] is (byte)'-' or (byte)'+' ? 1 : 0;
        long whole = 0;
        var digits = 0;
        for (; i < text.Length && (uint)(text[i] - (byte)'0') <= 9; i++)
        {
            if (++digits > 14)
            {
                return SlowMoney(text, out units);
            }

            whole = (whole * 10) + (text[i] - (byte)'0');
        }

        long fraction = 0;
        var scale = 0;
        var fractionDigits = 0;
        if (i < text.Length && text[i] == (byte)'.')
        {
            for (i++; i < text.Length && (uint)(text[i] - (byte)'0') <= 9; i++)
            {
                fractionDigits++;
                var digit = text[i] - (byte)'0';
                if (scale < Money.Scale)
                {
                    fraction = (fraction * 10) + digit;
                    scale++;
                }
                else if (digit != 0)
                {
                    return SlowMoney(text, out units);
                }
            }
        }

        if (i != text.Length || digits + fractionDigits == 0)
        {
            return SlowMoney(text, out units);
        }

        for (; scale < Money.Scale; scale++)
        {
            fraction *= 10;
        }

        units = (whole * Money.Factor) + fraction;
        units = negative ? -units : units;
        return MoneyParse.Ok;
    }

    /// <summary>
    /// Rounds an amount parsed by <see cref="TryParseMoney"/> (<see cref="MoneyParse.Ok"/> or
    /// <see cref="MoneyParse.TooPrecise"/>) to <paramref name="decimals"/> places, half away from zero; returns whether
    /// it changed (a value already that short is not a rounded one).
    /// </summary>
    public static bool RoundMoney(ReadOnlySpan<byte> text, int decimals, ref MoneyParse parse, ref long units)
    {
        if (parse == MoneyParse.TooPrecise)
        {
            // More than 4 places: only decimal holds it (4.440892e-16).
            _ = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
            parse = Money.TryToUnits(Math.Round(value, decimals, MidpointRounding.AwayFromZero), out units) ? MoneyParse.Ok : MoneyParse.OutOfRange;
            return parse == MoneyParse.Ok;
        }

        var step = (long)Math.Pow(10, Money.Scale - decimals);
        var rest = units % step;
        if (parse != MoneyParse.Ok || rest == 0)
        {
            return false;
        }

        units -= rest;
        if (Math.Abs(rest) * 2 >= step)
        {
            units += Math.Sign(rest) * step;
        }

        return true;
    }

    private static MoneyParse SlowMoney(ReadOnlySpan<byte> text, out long units)
    {
        units = 0;
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            // Beyond decimal's range (1e30, 1e400) is a number still: too large. Words (NaN, Infinity) are not numbers.
            var digit = text[0] is (byte)'-' or (byte)'+' ? text[1..] : text;
            return !digit.IsEmpty && (digit[0] == (byte)'.' || (uint)(digit[0] - (byte)'0') <= 9)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var large) && !double.IsNaN(large) && Math.Abs(large) >= 1
                ? MoneyParse.OutOfRange
                : MoneyParse.NotANumber;
        }

        if (Math.Abs(value) > long.MaxValue / Money.Factor)
        {
            return MoneyParse.OutOfRange;
        }

        return Money.TryToUnits(value, out units) ? MoneyParse.Ok : MoneyParse.TooPrecise;
    }
}
