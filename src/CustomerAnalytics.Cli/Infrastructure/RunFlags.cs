using CustomerAnalytics.Cli.Commands;
using CustomerAnalytics.Hosting;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary><c>run</c>'s per-run settings: the <c>--config</c> file's <c>Run</c> section (or the defaults) with every
/// flag given laid over it. A new <c>run</c> flag gets its setting in <see cref="CustomerAnalyticsRunOptions"/> and one line here.</summary>
internal static class RunFlags
{
    public static CustomerAnalyticsRunOptions Over(RunSettings flags)
    {
        var file = flags.Options.Run;
        if (flags.Currency is null && file.Currency is { } currency && !DashboardCurrency.IsValid(currency))
        {
            throw new CliException(
                $"{flags.ConfigPath}: Invalid CustomerAnalytics settings: CustomerAnalytics:Run:Currency '{currency}' is not a currency: give an ISO 4217 code such as GBP, or a symbol of 1 to 8 characters such as £ (or --currency). See docs/config.md for the settings.",
                ExitCodes.UsageError);
        }

        return file with
        {
            Top = flags.Top ?? file.Top,
            Count = flags.Count ?? file.Count,
            Currency = flags.Currency ?? file.Currency,
            MemoryCheck = flags.MemoryCheck is { } mode ? MemoryGate.ModeOf(mode) : file.MemoryCheck,
            MemoryLimit = flags.MemoryLimit ?? file.MemoryLimit,
            WriteEvents = flags.NoEvents is { } noEvents ? !noEvents : file.WriteEvents,
            WriteDashboard = flags.NoDashboard is { } noDashboard ? !noDashboard : file.WriteDashboard,
        };
    }
}
