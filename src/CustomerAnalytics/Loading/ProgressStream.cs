namespace CustomerAnalytics.Loading;

/// <summary>A read-only stream that tells <see cref="LoadOptions.ReadProgress"/> how many bytes each read returned.</summary>
internal sealed class ProgressStream(Stream inner, IProgress<long> progress, bool leaveOpen) : ReadOnlyStream
{
    public override int Read(Span<byte> buffer) => Report(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Report(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Report(int read)
    {
        if (read > 0)
        {
            progress.Report(read);
        }

        return read;
    }
}
