using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Enrichment.Staging;
using static CustomerAnalytics.Loading.ParallelCsvLoad;

namespace CustomerAnalytics.Loading;

/// <summary>
/// The parts of a gzip CSV file for <see cref="ParallelCsvLoad"/>: the calling thread inflates the stream into blocks,
/// each cut after a line feed (<see cref="CsvCutPlacement"/>), and each block is parsed on the thread pool behind a
/// copy of the header while the next one inflates, at most one block per core in flight. The parts are then checked,
/// joined and fall back exactly as the parts of a plain file; a damaged or truncated stream is left to the one-core
/// load, which reports it with its line.
/// </summary>
internal static class GzipParts
{
    /// <summary>The inflated bytes of a block, before its cut moves to the next line start.</summary>
    public const int BlockBytes = 16 << 20;

    /// <summary>Loads the gzip file in blocks, or returns <see langword="null"/> when it must be loaded on one core.</summary>
    public static LoadReport? TryLoadInto(EnrichedDatasetBuilder builder, LoadSession session, int degree, PartParsing parsing, PartSyntax syntax, long minimumBytes, int blockBytes, CancellationToken cancellationToken)
    {
        var path = session.Source;
        var options = session.Options;
        if (new FileInfo(path).Length * 4 < minimumBytes)
        {
            return null;
        }

        var results = new List<Task<PartResult>>();
        var stagings = new List<TransactionStaging>();
        using var slots = new SemaphoreSlim(degree);
        var header = Header.None;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var gzip = new CheckedGzipStream(options.ReadProgress is { } progress ? new ProgressStream(file, progress, leaveOpen: true) : file, leaveOpen: true);
            var buffer = new byte[2 * blockBytes];
            var filled = 0;
            while (true)
            {
                filled += ReadFull(gzip, buffer.AsSpan(filled));
                var last = filled < buffer.Length;
                var first = results.Count == 0;
                if (first)
                {
                    if (syntax.FindHeader(buffer, Math.Min(filled, 1 << 16), options) is not { } found || (!last && found.Bytes.Length >= blockBytes))
                    {
                        return null;
                    }

                    header = found;
                }

                var cut = last ? filled : Cut(buffer, blockBytes, filled, syntax, options);
                if (cut < 0)
                {
                    // No line feed in half a buffer: a bigger one.
                    Array.Resize(ref buffer, buffer.Length * 2);
                    continue;
                }

                slots.Wait(cancellationToken);
                var staging = TransactionStaging.ForPart();
                stagings.Add(staging);
                var parser = parsing.Create(new LoadSession(path, options), staging);
                var (block, partHeader) = (buffer, first ? Header.None : header);
                results.Add(Task.Run(
                    () =>
                    {
                        try
                        {
                            return Parse(marker => new PartStream(partHeader.Bytes, block, cut, marker), cut, options, partHeader, (first, last), syntax, parser, cancellationToken);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    },
                    cancellationToken));
                if (last)
                {
                    break;
                }

                buffer = new byte[buffer.Length];
                block.AsSpan(cut, filled - cut).CopyTo(buffer);
                filled -= cut;
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or SourceFormatException)
        {
            WaitAll(results);
            return null;
        }

        WaitAll(results);
        return Join(builder, session, header, [.. results.Select(r => r.GetAwaiter().GetResult())], stagings, parsing);
    }

    /// <summary>The cut after <paramref name="nominal"/>: past the next line feed (CSV: out of a quoted value that spans lines); −1 without a line feed.</summary>
    private static int Cut(byte[] buffer, int nominal, int filled, PartSyntax syntax, LoadOptions options)
    {
        var lineFeed = buffer.AsSpan(nominal, filled - nominal).IndexOf((byte)'\n');
        if (lineFeed < 0 || nominal + lineFeed + 1 >= filled)
        {
            return -1;
        }

        var cut = nominal + lineFeed + 1;
        return cut + syntax.Place(buffer.AsSpan(cut, filled - cut), options);
    }

    private static int ReadFull(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length && stream.Read(buffer[total..]) is var read and > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>Waits for the parts in flight; a failed one's exception is rethrown when its result is taken.</summary>
    private static void WaitAll(List<Task<PartResult>> parts)
    {
        try
        {
            Task.WaitAll([.. parts]);
        }
        catch (AggregateException)
        {
        }
    }
}
