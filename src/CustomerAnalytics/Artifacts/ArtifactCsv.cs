using System.Globalization;
using System.Text;
using CsvHelper;

namespace CustomerAnalytics.Artifacts;

/// <summary>
/// The CSV conventions every artifact shares: UTF-8 without BOM, LF line ends, invariant culture, formula injection
/// escaped. The small files are written with CsvHelper through these options; the large ones with
/// <see cref="Utf8CsvWriter"/>, which writes the same bytes.
/// </summary>
internal static class ArtifactCsv
{
    /// <summary>Money: at least two decimals, up to four (the dataset's precision).</summary>
    public const string MoneyFormat = "0.00##";

    /// <summary>UTC timestamps: ISO 8601 with a Z.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public const string DateFormat = "yyyy-MM-dd";

    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = false,
    };

    public static CsvWriter Create(Stream stream) => CsvWriter.Create(stream, Options, leaveOpen: true);

    public static void Header(CsvWriter writer, params string[] names) => writer.WriteHeader(names);

    public static void Money(CsvWriter writer, decimal value) => writer.WriteField(value, MoneyFormat);

    public static void Money(CsvWriter writer, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteField(v, MoneyFormat);
        }
        else
        {
            writer.WriteField(string.Empty);
        }
    }

    public static void Timestamp(CsvWriter writer, DateTimeOffset value) =>
        writer.WriteField(value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture).AsSpan(), CsvQuoting.WhenNeeded);

    /// <summary>A score: the shortest text that round-trips, invariant.</summary>
    public static void Score(CsvWriter writer, double value) => writer.WriteField(value, "R");

    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
