using System.Globalization;
using System.Text;
using CustomerAnalytics.Cli.Commands;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>
/// A <see cref="DataLoadException"/> told in the tool's terms: each <see cref="LoadDiagnostic.Remedy"/> as the flag that
/// gives it (never C# to a command-line user), and <c>--lenient</c> only when it would help and was not given.
/// </summary>
internal static class LoadMessages
{
    /// <summary>The message to print for a failed load.</summary>
    public static string For(DataLoadException exception, DataSettings settings)
    {
        if (exception.Diagnostics.Count == 0)
        {
            return exception.Message;
        }

        var text = new StringBuilder();
        var total = exception.TotalProblems;
        text.Append(CultureInfo.InvariantCulture, $"{(total == 1 ? "1 problem" : $"{total} problems")} found while loading '{exception.Diagnostics[0].Source}'.");
        if (exception.LenientModeWouldHelp && !settings.Options.Lenient)
        {
            text.Append(total == 1 ? " Fix it" : " Fix them").Append(", or add --lenient to keep the good rows and write the bad ones to rejected_rows.csv.");
        }

        foreach (var diagnostic in exception.Diagnostics)
        {
            text.Append("\n  ").Append(InFlags(diagnostic, settings));
        }

        if (total > exception.Diagnostics.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  … and {total - exception.Diagnostics.Count} more (raise --max-problems to list them).");
        }

        return text.ToString();
    }

    /// <summary>A diagnostic whose hint names the tool's flags.</summary>
    public static string InFlags(LoadDiagnostic diagnostic, DataSettings settings) =>
        (diagnostic with { Hint = diagnostic.HintIn(remedy => Flag(remedy, settings)) }).ToString();

    private static string? Flag(LoadRemedy remedy, DataSettings settings) => remedy switch
    {
        LoadRemedy.Lenient => settings.Options.Lenient ? null : "add --lenient to skip such rows (they are written to rejected_rows.csv)",
        LoadRemedy.KeepGuestLines => "add --keep-guest-lines to keep such lines under the guest customer",
        LoadRemedy.AllowNegativePrices => "add --allow-negative-prices to keep a negative unit price as an adjustment",
        LoadRemedy.MoneyDecimals => "add --round-money N (0 to 4) to round such amounts half away from zero",
        LoadRemedy.ColumnMap => settings.Options.OrderLinesPath is null
            ? "Map your header with --map [customers.|products.]FIELD=HEADER (transactions fields: id, customer, product, quantity, timestamp, price, order, total, segment, category, name, customer-name; customers: id, segment, signup, name; products: id, category, price, name)."
            : "Map your header with --map FIELD=HEADER (fields: id, customer, product, quantity, timestamp, price, order, total, segment, category, name, customer-name).",
        LoadRemedy.Separator => "Pass the file's separator with --separator (or --separator auto to detect it).",
        LoadRemedy.SourceTimeZone => "A timestamp without an offset is read in --time-zone (UTC by default); a local time skipped by a daylight saving change is invalid there.",
        _ => null,
    };
}
