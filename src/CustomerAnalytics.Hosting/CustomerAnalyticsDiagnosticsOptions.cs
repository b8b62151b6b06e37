namespace CustomerAnalytics.Hosting;

/// <summary>What health reports and load errors may show (the <c>CustomerAnalytics:Diagnostics</c> section).</summary>
public sealed record CustomerAnalyticsDiagnosticsOptions
{
    /// <summary>
    /// Shows absolute paths and raw row values in load errors and health reports. Off by default: file names only, and
    /// <see cref="CustomerAnalytics.Loading.LoadOptions.IncludeValuesInDiagnostics"/> is turned off for the loads.
    /// Logs keep the full message either way.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool IncludeDetails { get; init; }
}
