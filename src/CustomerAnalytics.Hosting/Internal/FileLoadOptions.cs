using System.Globalization;
using System.Text;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>The library's load and join options that <see cref="CustomerAnalyticsOptions"/> ask for, as the tool's
/// <c>run</c> makes them from its flags.</summary>
internal static class FileLoadOptions
{
    public static LoadOptions Load(CustomerAnalyticsOptions options) => LoadOptions.Default with
    {
        Mode = options.Lenient ? LoadMode.Lenient : LoadMode.Strict,
        KeepGuestLines = options.KeepGuestLines,
        AllowNegativePrices = options.AllowNegativePrices,
        MoneyDecimals = options.RoundMoney,
        MaxReportedProblems = options.MaxProblems,
        Separator = SeparatorOf(options.Separator),
        Encoding = EncodingOf(options.Encoding) ?? Encoding.UTF8,
        IncludeValuesInDiagnostics = options.Diagnostics.IncludeDetails,
        SourceTimeZone = TimeZoneOf(options.TimeZone) ?? TimeZoneInfo.Utc,
        TransactionColumns = ColumnMap.Apply(
            options.OrderLinesPreset == "online-retail" ? TransactionColumns.OnlineRetail : TransactionColumns.Default,
            options.Columns,
            ColumnMap.Transactions),
        CustomerColumns = ColumnMap.Apply(CustomerColumns.Default, options.CustomerColumns, ColumnMap.Customers),
        ProductColumns = ColumnMap.Apply(ProductColumns.Default, options.ProductColumns, ColumnMap.Products),
    };

    /// <summary>A time zone by IANA or Windows id, or <see langword="null"/>.</summary>
    public static TimeZoneInfo? TimeZoneOf(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>The join follows the load mode: strict unless lenient.</summary>
    public static EnrichmentOptions Enrichment(CustomerAnalyticsOptions options) => EnrichmentOptions.Default with
    {
        UnknownCustomers = options.UnknownCustomers,
        UnknownProducts = options.UnknownProducts,
        StrictReferences = !options.Lenient,
    };

    public static bool IsSeparator(string? text) => text is "auto" or "tab" or "\\t" || text is { Length: 1 };

    /// <summary>What is wrong with the encoding's name, or <see langword="null"/>.</summary>
    public static string? EncodingProblem(string? name) =>
        EncodingOf(name) is null ? $"must name an encoding or code page such as utf-8, latin1, windows-1252 or utf-16 (was '{name}')" : null;

    private static char? SeparatorOf(string text) => text switch
    {
        "auto" => null,
        "tab" or "\\t" => '\t',
        _ => text[0],
    };

    /// <summary>An encoding by name or code page, Windows code pages included (without registering them process-wide).</summary>
    private static Encoding? EncodingOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var codePage)
                ? CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.GetEncoding(codePage)
                : CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
