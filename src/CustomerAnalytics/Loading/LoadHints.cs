namespace CustomerAnalytics.Loading;

/// <summary>Words the remedies of a hint: for the API (the <see cref="LoadOptions"/> members a caller sets) or for a host.</summary>
internal static class LoadHints
{
    /// <summary>The remedies offered in the hint's one sentence, in this order.</summary>
    private static readonly LoadRemedy[] Offers = [LoadRemedy.KeepGuestLines, LoadRemedy.AllowNegativePrices, LoadRemedy.MoneyDecimals, LoadRemedy.Lenient];

    /// <summary>The remedies that need a sentence of their own (after the offers), in this order.</summary>
    private static readonly LoadRemedy[] Specifics = [LoadRemedy.ColumnMap, LoadRemedy.Separator, LoadRemedy.SourceTimeZone, LoadRemedy.EventWeights];

    /// <summary>The API's hint: the advice and the API's offers joined by "or", then the specific sentence.</summary>
    public static string? Compose(HintParts parts) => Compose(parts.Advice, parts.Remedy, ApiOffer, parts.Specific);

    /// <summary>A host's hint: the advice, then each remedy in the host's words.</summary>
    public static string? Compose(string? advice, LoadRemedy remedy, Func<LoadRemedy, string?> wording)
    {
        var specific = string.Join(" ", Specifics.Where(r => (remedy & r) != 0).Select(wording).Where(t => !string.IsNullOrEmpty(t)));
        return Compose(advice, remedy, wording, specific.Length == 0 ? null : specific);
    }

    /// <summary><c>Advice, or offer, or offer; specific.</c>; <see langword="null"/> when there is nothing to say.</summary>
    private static string? Compose(string? advice, LoadRemedy remedy, Func<LoadRemedy, string?> offer, string? specific)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(advice))
        {
            parts.Add(advice);
        }

        foreach (var remedyOffered in Offers)
        {
            if ((remedy & remedyOffered) != 0 && offer(remedyOffered) is { Length: > 0 } text)
            {
                parts.Add(text);
            }
        }

        var joined = string.Join(", or ", parts);
        var main = joined.Length == 0 ? null : char.ToUpperInvariant(joined[0]) + joined[1..];
        return (main, specific) switch
        {
            (null, null) => null,
            (null, _) => specific,
            (_, null) => main.EndsWith('.') ? main : main + ".",
            _ => main.TrimEnd('.') + "; " + specific,
        };
    }

    private static string? ApiOffer(LoadRemedy remedy) => remedy switch
    {
        LoadRemedy.KeepGuestLines => "set LoadOptions.KeepGuestLines = true to keep such lines under the guest customer",
        LoadRemedy.AllowNegativePrices => "set LoadOptions.AllowNegativePrices = true to keep a negative unit price as an adjustment",
        LoadRemedy.MoneyDecimals => "set LoadOptions.MoneyDecimals (0 to 4) to round such amounts half away from zero",
        LoadRemedy.Lenient => "load with LoadMode.Lenient to skip such rows",
        _ => null,
    };
}
