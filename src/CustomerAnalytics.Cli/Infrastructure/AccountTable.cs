using System.Globalization;
using CustomerAnalytics.Pipeline;
using Spectre.Console;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>
/// The run's account as a table: per input, rows read = loaded + rejected by the loader; for the transactions, loaded =
/// kept + left out by the join, by reason; and how many of those rows rejected_rows.csv lists.
/// </summary>
internal static class AccountTable
{
    public static Table Create(AnalyticsRun run)
    {
        var account = run.Account;
        var bytes = run.Inputs.ToDictionary(i => i.Role, i => i.Bytes, StringComparer.Ordinal);
        var table = Tables.Create(
            "Inputs: every row accounted for",
            ["Role", "File", "Rows read", "Loaded", "Rejected", "Kept", "Left out (join)", "MB"],
            [false, false, true, true, true, true, false, true],
            account.Inputs.Select(i => new[]
            {
                i.Role, i.Name, Formats.Count(i.RowsRead), Formats.Count(i.RowsLoaded), Formats.Count(i.RowsRejected),
                i.RowsKept is { } kept ? Formats.Count(kept) : string.Empty,
                i.RowsKept is null ? string.Empty : LeftOut(i.LeftOut),
                (bytes.GetValueOrDefault(i.Role) / 1e6).ToString("0.0", CultureInfo.InvariantCulture),
            }));
        table.Caption = new TableTitle(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{(account.AddsUp() ? "The account adds up" : "The account does NOT add up")}: {Formats.Count(account.RowsListed)} entries in rejected_rows.csv for {Formats.Count(account.RowsToList)} rows rejected or left out ({JoinPolicies.ForTool(account.ListLimits)}).")));
        return table;
    }

    private static string LeftOut(System.Collections.Immutable.ImmutableSortedDictionary<string, long> reasons) =>
        reasons.Count == 0 ? "0" : string.Join(", ", reasons.Select(r => $"{Formats.Count(r.Value)} {r.Key.Replace('_', ' ')}"));
}
