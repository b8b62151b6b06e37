namespace CustomerAnalytics.Reporting.Internal;

/// <summary>What <see cref="DashboardOptions.Currency"/> shows before amounts.</summary>
internal static class Currencies
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["GBP"] = "£",
        ["USD"] = "$",
        ["EUR"] = "€",
        ["JPY"] = "¥",
        ["CNY"] = "¥",
        ["INR"] = "₹",
        ["KRW"] = "₩",
        ["AUD"] = "A$",
        ["CAD"] = "C$",
        ["NZD"] = "NZ$",
        ["BRL"] = "R$",
        ["ILS"] = "₪",
        ["TRY"] = "₺",
        ["PLN"] = "zł ",
    };

    /// <summary>
    /// The symbol of a known ISO 4217 code (<c>GBP</c> → <c>£</c>); another three-letter upper-case code followed by a space
    /// (<c>CHF</c> → <c>CHF </c>); anything else as given (a symbol: <c>£</c>, <c>kr </c>); <see langword="null"/> for none.
    /// </summary>
    public static string? SymbolOf(string? currency) => currency switch
    {
        null or "" => null,
        _ when Symbols.TryGetValue(currency, out var symbol) => symbol,
        { Length: 3 } when currency.All(char.IsAsciiLetterUpper) => currency + " ",
        _ => currency,
    };
}
