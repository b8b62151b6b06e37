using System.Runtime.ExceptionServices;
using CustomerAnalytics.Enrichment;
using Microsoft.Win32.SafeHandles;

namespace CustomerAnalytics.Loading;

/// <summary>
/// <c>TransactionLoader.LoadInto</c> of a large CSV file on several cores: the file is cut after line breaks into
/// one part per core, each part (behind a copy of the header) is parsed into a builder of its own, and the parts are
/// appended to the caller's builder in file order (<see cref="EnrichedDatasetBuilder.Append"/>), their problems to
/// one session with the lines shifted to the file's. The result is the one a load on one core gives.
/// </summary>
/// <remarks>
/// A cut is only certain when it is not inside a quoted value: the parts count their quotes and line breaks as they
/// are read, and a cut preceded by an odd number of quotes (or an unclosed quote anywhere, or any error of a part
/// other than the first) sends the caller back to the one-core load, which then reports exactly.
/// </remarks>
internal static class ParallelCsvLoad
{
    /// <summary>Files smaller than this load on one core: the set-up would cost more than it saves.</summary>
    public const long MinimumBytes = 4L << 20;

    private const int ProbeBytes = 1 << 16;

    /// <summary><see cref="TryLoadInto"/> on the thread pool, for the async overloads.</summary>
    public static Task<LoadReport?> TryLoadIntoAsync(EnrichedDatasetBuilder builder, string path, LoadOptions? options, CancellationToken cancellationToken) =>
        Task.Run(() => TryLoadInto(builder, path, options, MinimumBytes, cancellationToken), cancellationToken);

    /// <summary>Loads the file in parts, or returns <see langword="null"/> when it must be loaded on one core.</summary>
    public static LoadReport? TryLoadInto(EnrichedDatasetBuilder builder, string path, LoadOptions? options, long minimumBytes = MinimumBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        builder.BeginSource(path);
        var session = new LoadSession(path, options);
        var degree = session.Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        if (degree < 2
            || session.Options.Separator is null
            || !session.Options.IsUtf8
            || LoadEngine.Resolve(DataFormat.Auto, path, out var gzip) != DataFormat.Csv
            || gzip
            || !File.Exists(path))
        {
            return null;
        }

        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(file);
        var parts = Cut(file, length, degree, minimumBytes, out var header);
        if (parts is null)
        {
            return null;
        }

        // The rows each part is expected to have (its line feeds), so that all parts can write into one set of column
        // arrays; a part with more rows (line breaks that are lone CRs) goes on in chunks of its own, one with fewer
        // (blank lines, line breaks in quotes, rejected rows) leaves a gap, and the builder then copies instead.
        var expected = new long[parts.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken };
        Parallel.For(0, parts.Length, parallel, i => expected[i] = CountLineFeeds(file, parts[i]));
        expected[0] -= header.AsSpan().Count((byte)'\n');
        if (ReadByte(file, length - 1) != (byte)'\n')
        {
            expected[^1]++;
        }

        var total = expected.Sum();
        var columns = total is > 0 and < int.MaxValue ? new EnrichedDatasetBuilder.PartColumns((int)total) : null;
        var offsets = new int[parts.Length];
        for (var i = 1; i < parts.Length && columns is not null; i++)
        {
            offsets[i] = offsets[i - 1] + (int)expected[i - 1];
        }

        var results = new PartResult[parts.Length];
        Parallel.For(0, parts.Length, parallel, i =>
        {
            var part = columns is null ? EnrichedDatasetBuilder.ForPart() : EnrichedDatasetBuilder.ForPart(columns, offsets[i], (int)Math.Max(0, expected[i]));
            results[i] = Parse(file, path, session.Options, parts[i], i == 0 ? [] : header, part, cancellationToken);
        });

        // The first part starts the file: its source errors (a missing column, say) are the load's. A later part's
        // error, or a cut that may be inside a quoted value, is left to the one-core load to report exactly.
        if (results[0].Error is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
        }

        long quotes = 0;
        foreach (var result in results)
        {
            if (result.Error is not null || quotes % 2 != 0)
            {
                return null;
            }

            quotes += result.Counts.Quotes;
        }

        if (quotes % 2 != 0)
        {
            return null;
        }

        var headerLines = LineCounts.Of(header).LineBreaks;
        long rowsBefore = 0, lineBreaksBefore = 0;
        for (var i = 0; i < results.Length; i++)
        {
            var result = results[i];
            var lineOffset = i == 0 ? 0 : lineBreaksBefore - headerLines;
            builder.Append(result.Builder!, result.NumbersRows ? rowsBefore : 0, lineOffset);
            session.Absorb(result.Session!, lineOffset);
            rowsBefore += result.Session!.RowsRead;
            lineBreaksBefore += result.Counts.LineBreaks;
        }

        return session.Finish();
    }

    /// <summary>
    /// The parts: about equal byte ranges, each after a line feed; the first holds the header, whose bytes are returned
    /// for the others. <see langword="null"/> when the file is small or no cut can be found.
    /// </summary>
    private static (long Start, long End)[]? Cut(SafeFileHandle file, long length, int degree, long minimumBytes, out byte[] header)
    {
        header = [];
        if (length < minimumBytes)
        {
            return null;
        }

        // The header ends at the first line feed outside quotes.
        var probe = new byte[ProbeBytes];
        var read = RandomAccess.Read(file, probe, 0);
        var headerEnd = -1;
        var inQuotes = false;
        for (var i = 0; i < read && headerEnd < 0; i++)
        {
            if (probe[i] == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (probe[i] == (byte)'\n' && !inQuotes)
            {
                headerEnd = i + 1;
            }
        }

        if (headerEnd <= 1)
        {
            return null;
        }

        header = probe[..headerEnd];
        var cuts = new List<long> { 0 };
        for (var k = 1; k < degree; k++)
        {
            var nominal = length * k / degree;
            if (nominal <= cuts[^1] || nominal <= headerEnd)
            {
                continue;
            }

            read = RandomAccess.Read(file, probe, nominal);
            var lineFeed = probe.AsSpan(0, read).IndexOf((byte)'\n');
            if (lineFeed >= 0 && nominal + lineFeed + 1 < length)
            {
                cuts.Add(nominal + lineFeed + 1);
            }
        }

        if (cuts.Count < 2)
        {
            return null;
        }

        cuts.Add(length);
        var parts = new (long, long)[cuts.Count - 1];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = (cuts[i], cuts[i + 1]);
        }

        return parts;
    }

    private static long CountLineFeeds(SafeFileHandle file, (long Start, long End) range)
    {
        var buffer = new byte[1 << 20];
        long count = 0;
        for (var position = range.Start; position < range.End;)
        {
            var read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, range.End - position)), position);
            if (read == 0)
            {
                break;
            }

            count += buffer.AsSpan(0, read).Count((byte)'\n');
            position += read;
        }

        return count;
    }

    private static int ReadByte(SafeFileHandle file, long position)
    {
        Span<byte> one = stackalloc byte[1];
        return RandomAccess.Read(file, one, position) == 1 ? one[0] : -1;
    }

    private static PartResult Parse(SafeFileHandle file, string path, LoadOptions options, (long Start, long End) range, byte[] header, EnrichedDatasetBuilder part, CancellationToken cancellationToken)
    {
        var stream = new PartStream(file, header, range.Start, range.End, options.ReadProgress);
        try
        {
            var session = new LoadSession(path, options);
            var parser = new TransactionRowParser(session, part);
            using (var reader = CsvTabularReader.Create(stream, options, leaveOpen: true))
            {
                LoadEngine.ReadAll(reader, session, parser, cancellationToken);
            }

            return new PartResult(part, session, parser.NumbersRows, stream.Counts, null);
        }
        catch (Exception ex) when (ex is DataLoadException or IOException or FormatException)
        {
            return new PartResult(null, null, false, stream.Counts, ex);
        }
    }

    private readonly record struct PartResult(EnrichedDatasetBuilder? Builder, LoadSession? Session, bool NumbersRows, LineCounts Counts, Exception? Error);
}
