namespace CustomerAnalytics.Internal;

/// <summary>
/// Money inside the dataset: exact fixed-point integers of 1/10,000 of the currency unit ("units").
/// Every value the public API returns is a <see cref="decimal"/>; the integers keep columns small (8 bytes)
/// and sums exact and fast (<see cref="Int128"/> accumulators never overflow in practice).
/// </summary>
internal static class Money
{
    /// <summary>Decimal places kept: a value with more is rejected, never rounded.</summary>
    public const int Scale = 4;

    /// <summary>10^<see cref="Scale"/>.</summary>
    public const long Factor = 10_000;

    /// <summary>The marker of "no value" in a money column.</summary>
    public const long None = long.MinValue;

    private const decimal FactorDecimal = Factor;
    private const decimal MaxValue = long.MaxValue / Factor;

    /// <summary>Converts a decimal to units, failing when it has more than <see cref="Scale"/> decimal places or is too large.</summary>
    public static bool TryToUnits(decimal value, out long units)
    {
        if (Math.Abs(value) > MaxValue)
        {
            units = 0;
            return false;
        }

        var scaled = value * FactorDecimal;
        if (scaled != decimal.Truncate(scaled))
        {
            units = 0;
            return false;
        }

        units = (long)scaled;
        return true;
    }

    /// <summary>Quantity × a price in units, or <see langword="false"/> when the product does not fit a <see cref="long"/>.</summary>
    public static bool TryMultiply(int quantity, long units, out long product)
    {
        var high = Math.BigMul(quantity, units, out product);
        return high == product >> 63;
    }

    /// <summary>Units to a decimal with at least two decimal places (<c>796.00</c>, <c>6.375</c>), so it prints as money.</summary>
    public static decimal ToDecimal(long units) => (units / FactorDecimal) + 0.00m;

    /// <summary>A sum of units to a decimal with at least two decimal places.</summary>
    public static decimal ToDecimal(Int128 units) => ((decimal)units / FactorDecimal) + 0.00m;
}
