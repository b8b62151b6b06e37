namespace CustomerAnalytics.Loading;

/// <summary>
/// The options a <see cref="LoadDiagnostic"/>'s hint suggests, so a host can say them in its own terms (a command-line
/// tool names its flags) instead of the <see cref="LoadOptions"/> members the <see cref="LoadDiagnostic.Hint"/> names.
/// </summary>
/// <remarks>
/// A remedy is only suggested when it would help: <see cref="Lenient"/> never appears on a diagnostic of a lenient load,
/// nor on a problem of the whole source (a missing file or column), which stops the load in every mode.
/// </remarks>
[Flags]
public enum LoadRemedy
{
    /// <summary>No option helps; the <see cref="LoadDiagnostic.Advice"/> (if any) is about the data.</summary>
    None = 0,

    /// <summary><see cref="LoadOptions.Mode"/> = <see cref="LoadMode.Lenient"/> would keep the other rows and report this one.</summary>
    Lenient = 1,

    /// <summary>A column map (<see cref="LoadOptions.TransactionColumns"/> and its kin) would name the header.</summary>
    ColumnMap = 2,

    /// <summary><see cref="LoadOptions.Separator"/> would read the fields apart.</summary>
    Separator = 4,

    /// <summary><see cref="LoadOptions.SourceTimeZone"/> decides how a timestamp without an offset is read.</summary>
    SourceTimeZone = 8,

    /// <summary><see cref="LoadOptions.MoneyDecimals"/> would round an amount with more decimal places.</summary>
    MoneyDecimals = 16,

    /// <summary><see cref="LoadOptions.AllowNegativePrices"/> would keep a negative unit price as an adjustment.</summary>
    AllowNegativePrices = 32,

    /// <summary><see cref="LoadOptions.KeepGuestLines"/> would keep a line without a customer under the guest customer.</summary>
    KeepGuestLines = 64,

    /// <summary><see cref="LoadOptions.EventWeights"/> (and <see cref="LoadOptions.SaleEvents"/>) would map an event type.</summary>
    EventWeights = 128,
}
