using System.Globalization;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>Invariant number formats of the tool's tables.</summary>
internal static class Formats
{
    public static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Score(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
