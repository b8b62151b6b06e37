using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerAnalytics.Hosting.AspNetCore.Internal;

/// <summary>
/// How the endpoints write their bodies: the host's JSON options (names, encoder), with money (<see cref="decimal"/>,
/// the only decimals in the bodies) rounded to the cent and instants in UTC with a <c>Z</c>, the forms
/// <c>/health</c> and the JSON artifacts use.
/// </summary>
internal static class EndpointJson
{
    /// <summary>A copy of <paramref name="host"/> with the endpoints' converters in front.</summary>
    public static JsonSerializerOptions From(JsonSerializerOptions host)
    {
        var options = new JsonSerializerOptions(host);
        options.Converters.Insert(0, new CentsConverter());
        options.Converters.Insert(0, new UtcInstantConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Money rounded to the cent, half away from zero (as <c>KpiCalculator</c> rounds an average order value),
    /// written with two decimals: <c>8300065.81</c>, <c>199.00</c>.</summary>
    internal sealed class CentsConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture), skipInputValidation: true);
    }

    /// <summary>An instant in UTC, ISO 8601 round-trip form with a <c>Z</c> (<c>2024-03-01T11:00:00.5000000Z</c>), as the
    /// model health check writes <c>fittedAt</c>.</summary>
    internal sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
    }
}
