using System.Globalization;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>The dashboard's number formats, in one culture and currency (<see cref="Invariant"/>: invariant, no symbol).</summary>
internal sealed class Format
{
    private readonly CultureInfo _culture;
    private readonly string _moneyFormat;

    private Format(CultureInfo culture, string? currencySymbol, int decimals)
    {
        _culture = culture;
        CurrencySymbol = currencySymbol;
        _moneyFormat = decimals == 0 ? "#,0" : "#,0." + new string('0', decimals);
    }

    /// <summary>Invariant culture, two decimals, no currency symbol.</summary>
    public static Format Invariant { get; } = new(CultureInfo.InvariantCulture, null, 2);

    /// <summary>The currency's symbol (or code) as shown before amounts, or <see langword="null"/> for none.</summary>
    public string? CurrencySymbol { get; }

    /// <summary>The formats the options ask for.</summary>
    public static Format For(DashboardOptions options) =>
        options.Currency is null && options.CurrencyDecimals == 2 && ReferenceEquals(options.Culture, CultureInfo.InvariantCulture)
            ? Invariant
            : new Format(options.Culture, Currencies.SymbolOf(options.Currency), options.CurrencyDecimals);

    /// <summary>Money with thousands separators and the currency's decimals: <c>1,474.92</c>, <c>£1,474.92</c>, <c>-£5.00</c>.</summary>
    public string Money(decimal value)
    {
        var digits = Math.Abs(value).ToString(_moneyFormat, _culture);
        var sign = value < 0 && digits.Any(c => c is >= '1' and <= '9') ? "-" : string.Empty;
        return CurrencySymbol is null ? sign + digits : sign + CurrencySymbol + digits;
    }

    /// <summary>A value axis title with the currency: <c>Revenue (£)</c>; the title alone without a currency.</summary>
    public string MoneyTitle(string title) => CurrencySymbol is null ? title : $"{title} ({CurrencySymbol.Trim()})";

    /// <summary>A count with thousands separators: <c>12,345</c>.</summary>
    public string Count(long value) => value.ToString("#,0", _culture);

    /// <summary>A count and its noun, singular for 1: <c>1 category</c>, <c>4,070 products</c>.</summary>
    public string Quantity(long value, string singular, string? plural = null) =>
        Count(value) + " " + (value == 1 ? singular : plural ?? singular + "s");

    /// <summary>A rate as a percentage with one decimal: <c>25.0%</c>.</summary>
    public string Percent(double rate) => (rate * 100).ToString("0.0", _culture) + "%";

    /// <summary>A number with grouping and a fixed count of decimals: <c>1,234.50</c>.</summary>
    public string Number(double value, int decimals) => value.ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), _culture);

    /// <summary>A short axis number: <c>950</c>, <c>1K</c>, <c>1.2K</c>, <c>1.25M</c>, <c>3B</c>, <c>0.5</c>, <c>-40K</c>.</summary>
    public string Compact(double value)
    {
        var magnitude = Math.Abs(value);
        var (scaled, suffix) = magnitude switch
        {
            >= 1e9 => (value / 1e9, "B"),
            >= 1e6 => (value / 1e6, "M"),
            >= 1e3 => (value / 1e3, "K"),
            _ => (value, string.Empty),
        };
        var text = Math.Round(scaled, 2).ToString("0.##", _culture);
        return (text == "-0" ? "0" : text) + suffix;
    }

    /// <summary>An RFM segment's usual name: <c>Potential Loyalists</c>, <c>Can't Lose</c>.</summary>
    public static string RfmSegment(Kpis.RfmSegment segment) => segment switch
    {
        Kpis.RfmSegment.PotentialLoyalists => "Potential Loyalists",
        Kpis.RfmSegment.NeedAttention => "Need Attention",
        Kpis.RfmSegment.AboutToSleep => "About to Sleep",
        Kpis.RfmSegment.AtRisk => "At Risk",
        Kpis.RfmSegment.CantLose => "Can't Lose",
        _ => segment.ToString(),
    };

    /// <summary>A date as <c>yyyy-MM-dd</c>, whatever the culture.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
