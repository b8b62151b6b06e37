using System.Diagnostics;

namespace CustomerAnalytics.Internal;

/// <summary>
/// One source for sync and async: a core written <c>async</c> with a <c>useAsync</c> flag calls only synchronous
/// methods when the flag is off, so it never awaits anything unfinished and returns a completed task; the sync
/// wrapper takes its result here. No thread blocks on asynchronous work, so no synchronization context can deadlock.
/// </summary>
internal static class SyncPath
{
    /// <summary>The result of a core run with <c>useAsync: false</c> (its exception, as thrown, if it failed).</summary>
    public static T Result<T>(ValueTask<T> completed)
    {
        Debug.Assert(completed.IsCompleted, "A core run with useAsync: false awaited something unfinished.");
        return completed.IsCompleted ? completed.GetAwaiter().GetResult() : completed.AsTask().GetAwaiter().GetResult();
    }
}
