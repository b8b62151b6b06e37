using System.Collections.Immutable;

namespace CustomerAnalytics.Loading;

/// <summary>What a loader read from one source: how many rows, how many were loaded, and the problems found.</summary>
/// <param name="Source">The file path or the source name given to the loader.</param>
/// <param name="RowsRead">The data rows read (the header and blank lines not counted).</param>
/// <param name="RowsLoaded">The rows loaded.</param>
/// <param name="RowsRejected">The rows rejected; <see cref="RowsLoaded"/> + <see cref="RowsRejected"/> = <see cref="RowsRead"/>.</param>
/// <param name="Diagnostics">
/// The problems found, in source order, up to <see cref="LoadOptions.MaxReportedProblems"/> (a rejected row may have
/// several); every rejected row is counted in <see cref="RowsRejected"/> whether listed or not. Warnings
/// (<see cref="DiagnosticSeverity.Warning"/>, such as text that is not valid UTF-8) are about rows that were loaded.
/// </param>
public sealed record LoadReport(
    string Source,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    ImmutableArray<LoadDiagnostic> Diagnostics)
{
    /// <summary>Amounts rounded to <see cref="LoadOptions.MoneyDecimals"/> places (each listed, up to ten, in one warning of <see cref="Diagnostics"/>).</summary>
    public long MoneyValuesRounded { get; init; }

    /// <summary>Negative unit prices kept as adjustments (<see cref="LoadOptions.AllowNegativePrices"/>), included in revenue and listed in one warning.</summary>
    public long NegativePricesKept { get; init; }

    /// <summary>Lines without a customer id kept under the guest customer (<see cref="LoadOptions.KeepGuestLines"/>), listed in one warning.</summary>
    public long GuestLines { get; init; }
}
