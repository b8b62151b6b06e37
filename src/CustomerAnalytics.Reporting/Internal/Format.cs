using System.Globalization;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>Invariant number formats of the dashboard.</summary>
internal static class Format
{
    /// <summary>Money with thousands separators and two decimals: <c>1,474.92</c>.</summary>
    public static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>A count with thousands separators: <c>12,345</c>.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
