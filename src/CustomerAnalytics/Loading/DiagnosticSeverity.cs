namespace CustomerAnalytics.Loading;

/// <summary>How serious a <see cref="LoadDiagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The row was loaded, but something about it is odd (for example a purchase before the customer's signup date).</summary>
    Warning = 0,

    /// <summary>The row (or the whole source) could not be loaded.</summary>
    Error = 1,
}
