namespace CustomerAnalytics.Loading;

/// <summary>What a loader does with rows it cannot read.</summary>
public enum LoadMode
{
    /// <summary>Throw one <see cref="DataLoadException"/> listing every problem found (up to <see cref="LoadOptions.MaxReportedProblems"/>). The default.</summary>
    Strict = 0,

    /// <summary>Keep the good rows and return the rejected ones as <see cref="LoadDiagnostic"/>s.</summary>
    Lenient = 1,
}
