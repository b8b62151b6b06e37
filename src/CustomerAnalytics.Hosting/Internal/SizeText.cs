using System.Globalization;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>A size in bytes as people write it, for <see cref="CustomerAnalyticsRunOptions.MemoryLimit"/> and the tool's <c>--memory-limit</c>.</summary>
internal static class SizeText
{
    /// <summary>
    /// Parses a number of bytes with an optional unit K, M, G or T (each 1024 times the last; <c>B</c>, <c>iB</c> and
    /// lower case accepted): <c>8G</c>, <c>8GB</c>, <c>512MiB</c>, <c>1.5g</c>; <see langword="null"/> when it is not one.
    /// </summary>
    public static long? Parse(string text)
    {
        var trimmed = text.Trim();
        var unit = trimmed.TrimStart("0123456789.".ToCharArray()) is var tail && tail.Length < trimmed.Length ? tail.Trim() : null;
        if (unit is null || !double.TryParse(trimmed[..^unit.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var power = unit.ToUpperInvariant() switch
        {
            "" or "B" => 0,
            "K" or "KB" or "KIB" => 1,
            "M" or "MB" or "MIB" => 2,
            "G" or "GB" or "GIB" => 3,
            "T" or "TB" or "TIB" => 4,
            _ => -1,
        };
        var bytes = number * Math.Pow(1024, power);
        return power < 0 || bytes < 1 || bytes > long.MaxValue / 2 ? null : (long)bytes;
    }
}
