using System.Text;

namespace CustomerAnalytics.Loading;

/// <summary>UTF-8 bytes from a stream, or from a text reader encoded on the fly.</summary>
internal abstract class ByteSource : IDisposable
{
    public static ByteSource From(Stream stream, bool leaveOpen) => new StreamSource(stream, leaveOpen);

    public static ByteSource From(TextReader reader) => new TextSource(reader);

    /// <summary>Reads up to <paramref name="buffer"/>'s length; 0 at the end.</summary>
    public abstract int Read(Span<byte> buffer);

    /// <inheritdoc cref="Read"/>
    public abstract ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private sealed class StreamSource(Stream stream, bool leaveOpen) : ByteSource
    {
        public override int Read(Span<byte> buffer) => stream.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) => stream.ReadAsync(buffer, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing && !leaveOpen)
            {
                stream.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class TextSource(TextReader reader) : ByteSource
    {
        private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
        private readonly char[] _chars = new char[4096];
        private bool _flushed;

        public override int Read(Span<byte> buffer)
        {
            var count = reader.Read(_chars, 0, Math.Min(_chars.Length, buffer.Length / 4));
            return Encode(count, buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            var count = await reader.ReadAsync(_chars.AsMemory(0, Math.Min(_chars.Length, buffer.Length / 4)), cancellationToken).ConfigureAwait(false);
            return Encode(count, buffer.Span);
        }

        private int Encode(int count, Span<byte> buffer)
        {
            if (count == 0)
            {
                if (_flushed)
                {
                    return 0;
                }

                _flushed = true;
                return _encoder.GetBytes(ReadOnlySpan<char>.Empty, buffer, flush: true);
            }

            return _encoder.GetBytes(_chars.AsSpan(0, count), buffer, flush: false);
        }
    }
}
