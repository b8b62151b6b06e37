using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Enrichment.Staging;
using Microsoft.Win32.SafeHandles;

namespace CustomerAnalytics.Loading;

/// <summary>
/// <c>LoadInto</c> of a large CSV file (transactions or order lines, <see cref="PartParsing"/>) on several cores: the file is cut after line breaks into
/// one part per core, each part (behind a copy of the header) is parsed into a staging of its own, and the parts are
/// appended to the caller's builder in file order (<see cref="TransactionStaging.Append"/>), their problems to
/// one session with the lines shifted to the file's. The result is the one a load on one core gives.
/// </summary>
/// <remarks>
/// A cut is sound only where the one-core load starts a record. The first part starts the file, so it reads as the
/// one-core load does; each part is read with a marker line after its end (<see cref="CsvPartEnd"/>), and when CsvHelper
/// reads that marker as a record of its own, the part ended exactly at the cut outside any quoted value, so the next
/// part starts where the one-core load starts a record, and by induction every part reads as the one-core load does.
/// Each cut is first placed out of a quoted value that spans lines where the bytes after it show one
/// (<see cref="CsvCutPlacement"/>), a guess that the marker then checks.
/// A part that does not end so (a quoted value across the cut), or any part's error (whose line or cause may depend
/// on the cut), sends the caller back to the one-core load, which then reports exactly. This costs no extra read:
/// the marker is two bytes per part.
/// </remarks>
internal static class ParallelCsvLoad
{
    /// <summary>Files smaller than this load on one core: the set-up would cost more than it saves.</summary>
    public const long MinimumBytes = 4L << 20;

    private const int ProbeBytes = 1 << 16;

    /// <summary><see cref="TryLoadInto"/> on the thread pool, for the async overloads.</summary>
    public static Task<LoadReport?> TryLoadIntoAsync(EnrichedDatasetBuilder builder, string path, LoadOptions? options, PartParsing parsing, CancellationToken cancellationToken) =>
        Task.Run(() => TryLoadInto(builder, path, options, MinimumBytes, parsing, GzipParts.BlockBytes, cancellationToken), cancellationToken);

    /// <summary>
    /// Loads the file in parts (a gzip file in blocks of about <paramref name="gzipBlockBytes"/> inflated bytes,
    /// <see cref="GzipParts"/>), or returns <see langword="null"/> when it must be loaded on one core.
    /// </summary>
    public static LoadReport? TryLoadInto(EnrichedDatasetBuilder builder, string path, LoadOptions? options, long minimumBytes = MinimumBytes, PartParsing? parsing = null, int gzipBlockBytes = GzipParts.BlockBytes, CancellationToken cancellationToken = default)
    {
        parsing ??= PartParsing.Transactions;
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        builder.Staging.BeginSource(path);
        var session = new LoadSession(path, options);
        var degree = session.Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        if (degree < 2
            || PartSyntax.For(LoadEngine.Resolve(DataFormat.Auto, path, out var gzip)) is not { } syntax
            || !syntax.Fits(session.Options)
            || !session.Options.IsUtf8
            || !File.Exists(path))
        {
            return null;
        }

        if (gzip)
        {
            return GzipParts.TryLoadInto(builder, session, degree, parsing, syntax, minimumBytes, gzipBlockBytes, cancellationToken);
        }

        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(file);
        var parts = Cut(file, length, degree, minimumBytes, session.Options, syntax, out var header);
        if (parts is null)
        {
            return null;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken };
        var (columns, offsets, expected) = ShareColumns(file, length, parts, header, parallel);
        var results = new PartResult[parts.Length];
        var stagings = new TransactionStaging[parts.Length];
        Parallel.For(0, parts.Length, parallel, i =>
        {
            var part = stagings[i] = columns is null ? TransactionStaging.ForPart() : TransactionStaging.ForPart(columns, offsets[i], (int)Math.Max(0, expected[i]));
            var range = parts[i];
            var partHeader = i == 0 ? Header.None : header;
            var progress = session.Options.ReadProgress;
            results[i] = Parse(marker => new PartStream(file, partHeader.Bytes, range.Start, range.End, marker, progress), range.End - range.Start, session.Options, partHeader, (i == 0, i == parts.Length - 1), syntax, parsing.Create(new LoadSession(path, session.Options), part), cancellationToken);
        });

        return Join(builder, session, header, results, stagings, parsing);
    }

    /// <summary>
    /// Appends the parts in order, their problems shifted to the source's lines, and completes the parsing; <see langword="null"/>
    /// when a part must be left to the one-core load.
    /// </summary>
    public static LoadReport? Join(EnrichedDatasetBuilder builder, LoadSession session, Header header, IReadOnlyList<PartResult> results, IReadOnlyList<TransactionStaging> stagings, PartParsing parsing)
    {
        // Any error is left to the one-core load: a later part cannot know its line, and even the first part's may be
        // the cut's doing (its end inside a quoted value).
        for (var i = 0; i < results.Count; i++)
        {
            // A JSON Lines part whose first object names other properties than the file's binds other columns.
            if (results[i].Error is not null || results[i].Lines is null
                || (results[i].Headers is { } headers && !headers.SequenceEqual(results[0].Headers!, StringComparer.Ordinal)))
            {
                return null;
            }
        }

        long rowsBefore = 0, linesBefore = 0;
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            var lineOffset = i == 0 ? 0 : linesBefore - header.Lines;
            builder.Staging.Append(stagings[i], result.NumbersRows ? rowsBefore : 0, lineOffset);
            session.Absorb(result.Session!, lineOffset);
            rowsBefore += result.Session!.RowsRead;
            linesBefore += result.Lines ?? 0;
        }

        // As the one-core load: a strict load with problems fails without completing.
        if (session.TotalProblems == 0 || session.Options.Mode == LoadMode.Lenient)
        {
            parsing.Complete([.. results.Select(r => r.Parser!)], builder.Staging);
        }

        return session.Finish();
    }

    /// <summary>
    /// The rows each part is expected to have (its line feeds), so that all parts can write into one set of column
    /// arrays; a part with more rows (line breaks that are lone CRs) goes on in chunks of its own, one with fewer
    /// (blank lines, line breaks in quotes, rejected rows) leaves a gap, and the builder then copies instead.
    /// </summary>
    private static (PartColumns? Columns, int[] Offsets, long[] Expected) ShareColumns(SafeFileHandle file, long length, (long Start, long End)[] parts, Header header, ParallelOptions parallel)
    {
        var expected = new long[parts.Length];
        Parallel.For(0, parts.Length, parallel, i => expected[i] = CountLineFeeds(file, parts[i]));
        expected[0] -= header.Bytes.AsSpan().Count((byte)'\n');
        if (ReadByte(file, length - 1) != (byte)'\n')
        {
            expected[^1]++;
        }

        var total = expected.Sum();
        var columns = total is > 0 and < int.MaxValue ? new PartColumns((int)total) : null;
        var offsets = new int[parts.Length];
        for (var i = 1; i < parts.Length && columns is not null; i++)
        {
            offsets[i] = offsets[i - 1] + (int)expected[i - 1];
        }

        return (columns, offsets, expected);
    }

    /// <summary>
    /// The parts: about equal byte ranges, each after a line feed; the first holds the header, whose bytes are returned
    /// for the others. <see langword="null"/> when the file is small or no cut can be found.
    /// </summary>
    private static (long Start, long End)[]? Cut(SafeFileHandle file, long length, int degree, long minimumBytes, LoadOptions options, PartSyntax syntax, out Header header)
    {
        header = Header.None;
        var probe = new byte[ProbeBytes];
        if (length < minimumBytes || syntax.FindHeader(probe, RandomAccess.Read(file, probe, 0), options) is not { } found)
        {
            return null;
        }

        header = found;
        var headerEnd = header.Bytes.Length;
        var cuts = new List<long> { 0 };
        for (var k = 1; k < degree; k++)
        {
            var nominal = length * k / degree;
            if (nominal <= cuts[^1] || nominal <= headerEnd)
            {
                continue;
            }

            var read = RandomAccess.Read(file, probe, nominal);
            var lineFeed = probe.AsSpan(0, read).IndexOf((byte)'\n');
            if (lineFeed >= 0 && nominal + lineFeed + 1 < length)
            {
                // CSV: out of a quoted value that spans lines, where the bytes after the cut show one (checked after parsing).
                cuts.Add(syntax.Place(file, nominal + lineFeed + 1, length, options));
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

    /// <summary>
    /// The header as CsvHelper reads it: the bytes before the first record after it (a byte order mark and blank lines
    /// included), and its line breaks; <see langword="null"/> when the probe does not reach a record after the header.
    /// </summary>
    public static Header? FindHeader(byte[] probe, int read, LoadOptions options)
    {
        using var reader = CsvTabularReader.Create(new MemoryStream(probe, 0, read, writable: false), options, leaveOpen: false);
        return reader.ReadHeader() && reader.Read() && reader.ByteOffset > 0
            ? new Header(probe[..(int)reader.ByteOffset], reader.Line - 1)
            : null;
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

    /// <summary>
    /// Parses one part of <paramref name="partBytes"/> bytes, read through <paramref name="open"/> (given the marker to
    /// put after them) behind <paramref name="header"/>, with <paramref name="syntax"/>.
    /// </summary>
    public static PartResult Parse(Func<byte[], Stream> open, long partBytes, LoadOptions options, Header header, (bool First, bool Last) place, PartSyntax syntax, TransactionRowParser parser, CancellationToken cancellationToken)
    {
        try
        {
            var (lines, headers) = syntax.Read(open, partBytes, options, header, place.First, place.Last, parser, cancellationToken);
            return new PartResult(parser, parser.Session, parser.NumbersRows, lines, null) { Headers = headers };
        }
        catch (Exception ex) when (ex is DataLoadException or IOException or FormatException)
        {
            return new PartResult(parser, null, false, null, ex);
        }
    }

    /// <summary>The header line(s) a part after the first is read behind, and their line breaks.</summary>
    public readonly record struct Header(byte[] Bytes, long Lines)
    {
        public static Header None { get; } = new([], 0);
    }

    /// <summary>
    /// A part's rows and problems; <see cref="Lines"/> are its line breaks (0 for the last part), <see langword="null"/>
    /// when it did not end at its cut outside a quoted value (so the next part did not start where the one-core load
    /// starts a record) or its diagnostics cannot be shifted to the file's lines.
    /// </summary>
    public readonly record struct PartResult(TransactionRowParser Parser, LoadSession? Session, bool NumbersRows, long? Lines, Exception? Error)
    {
        /// <summary>The headers the part bound (JSON Lines: its first object's properties); <see langword="null"/> for CSV, whose parts share the file's header.</summary>
        public string[]? Headers { get; init; }
    }
}
