using System.Globalization;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>
/// The one form the hosting packages write an instant in: UTC, ISO 8601 round-trip with a <c>Z</c>
/// (<c>2024-03-01T11:00:00.5000000Z</c>), in <c>/health</c>'s data and in the endpoints' JSON bodies alike.
/// </summary>
internal static class UtcTimestamp
{
    /// <summary>The instant in UTC, round-trip form with a <c>Z</c>, whatever its offset.</summary>
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
