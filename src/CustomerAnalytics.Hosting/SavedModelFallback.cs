namespace CustomerAnalytics.Hosting;

/// <summary>What a load does when <see cref="CustomerAnalyticsOptions.SavedModelPath"/> cannot be read (missing, another format version, truncated or damaged).</summary>
public enum SavedModelFallback
{
    /// <summary>The load fails with a message naming the file and the problem; at start-up the host does not start, on a reload the serving snapshot stays.</summary>
    Fail = 0,

    /// <summary>The strategies are fitted from the data as if no saved model were set, and a warning is logged.</summary>
    Fit = 1,
}
