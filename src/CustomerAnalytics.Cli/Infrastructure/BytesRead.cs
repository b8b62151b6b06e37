namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>The bytes a loader read (<c>LoadOptions.ReadProgress</c>), passed on to a progress display, from any thread.</summary>
internal sealed class BytesRead(Action<long> advance) : IProgress<long>
{
    public void Report(long value) => advance(value);
}
