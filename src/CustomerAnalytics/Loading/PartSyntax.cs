using Microsoft.Win32.SafeHandles;
using static CustomerAnalytics.Loading.ParallelCsvLoad;

namespace CustomerAnalytics.Loading;

/// <summary>
/// What a parallel load needs to know of a source's syntax (<see cref="ParallelCsvLoad"/>, <see cref="GzipParts"/>):
/// the header later parts are read behind, where a cut after a line feed must move to, and how a part is read and
/// checked. CSV needs a header copy, a cut out of quoted values and a marker after each part (<see cref="CsvPartEnd"/>);
/// in JSON Lines a raw line break cannot occur inside a string, so every line feed ends a record, no part needs a
/// header, and a part's line breaks are those its reader counted.
/// </summary>
internal abstract class PartSyntax
{
    /// <summary>CSV (transactions or order lines).</summary>
    public static PartSyntax Csv { get; } = new CsvSyntax();

    /// <summary>JSON Lines: one object per line.</summary>
    public static PartSyntax JsonLines { get; } = new JsonLinesSyntax();

    /// <summary>The syntax of a format, or <see langword="null"/> when it cannot be cut (a JSON array).</summary>
    public static PartSyntax? For(DataFormat format) => format switch
    {
        DataFormat.Csv => Csv,
        DataFormat.JsonLines => JsonLines,
        _ => null,
    };

    /// <summary>Whether the options let this syntax load in parts.</summary>
    public abstract bool Fits(LoadOptions options);

    /// <summary>The header later parts are read behind; <see langword="null"/> when the probe does not show one.</summary>
    public abstract Header? FindHeader(byte[] probe, int read, LoadOptions options);

    /// <summary>The cut at <paramref name="cut"/> (a line start) of a file, moved to where a record starts.</summary>
    public abstract long Place(SafeFileHandle file, long cut, long length, LoadOptions options);

    /// <summary>The offset in <paramref name="bytes"/> (which start at a line start) where the cut should be: 0 to stay.</summary>
    public abstract int Place(ReadOnlySpan<byte> bytes, LoadOptions options);

    /// <summary>
    /// Parses one part of <paramref name="partBytes"/> bytes, read through <paramref name="open"/> (given the bytes to
    /// put after them) behind <paramref name="header"/>; its line breaks, <see langword="null"/> when it cannot be
    /// joined, and the headers it bound (JSON Lines, whose header is each part's first object).
    /// </summary>
    public abstract (long? Lines, string[]? Headers) Read(Func<byte[], Stream> open, long partBytes, LoadOptions options, Header header, bool first, bool last, RowParser parser, CancellationToken cancellationToken);

    private sealed class CsvSyntax : PartSyntax
    {
        public override bool Fits(LoadOptions options) => options.Separator is not null;

        public override Header? FindHeader(byte[] probe, int read, LoadOptions options) => ParallelCsvLoad.FindHeader(probe, read, options);

        public override long Place(SafeFileHandle file, long cut, long length, LoadOptions options) =>
            CsvCutPlacement.Place(file, cut, length, options.Separator ?? ',');

        public override int Place(ReadOnlySpan<byte> bytes, LoadOptions options) => CsvCutPlacement.Place(bytes, (byte)(options.Separator ?? ','));

        public override (long? Lines, string[]? Headers) Read(Func<byte[], Stream> open, long partBytes, LoadOptions options, Header header, bool first, bool last, RowParser parser, CancellationToken cancellationToken)
        {
            // Every part but the last is followed by a marker, which tells whether it ended at the cut outside quotes.
            var end = last ? null : CsvPartEnd.After(header.Bytes.Length + partBytes, options.Separator);
            bool linesInText;
            using (var reader = end is null ? CsvTabularReader.Create(open([]), options, leaveOpen: false) : CsvTabularReader.Create(open(end.Marker), options, end))
            {
                LoadEngine.ReadAll(reader, parser.Session, parser, cancellationToken);
                linesInText = reader.LinesInProblemText;
            }

            // The part's own line breaks, as CsvHelper counted them: the marker's line follows the last one. A later
            // part whose diagnostics name lines in their text (which it counts from its start) is left to one core.
            var lines = end is null ? 0 : end.MarkerLine - 1 - header.Lines;
            return (lines is not null && !(linesInText && header.Bytes.Length > 0) ? lines : null, null);
        }
    }

    private sealed class JsonLinesSyntax : PartSyntax
    {
        public override bool Fits(LoadOptions options) => true;

        public override Header? FindHeader(byte[] probe, int read, LoadOptions options) => Header.None;

        public override long Place(SafeFileHandle file, long cut, long length, LoadOptions options) => cut;

        public override int Place(ReadOnlySpan<byte> bytes, LoadOptions options) => 0;

        public override (long? Lines, string[]? Headers) Read(Func<byte[], Stream> open, long partBytes, LoadOptions options, Header header, bool first, bool last, RowParser parser, CancellationToken cancellationToken)
        {
            // Only the source's start may hold a byte order mark; later parts read one as the one-core load does.
            using var reader = JsonTabularReader.Create(open([]), leaveOpen: false, lines: true, atSourceStart: first);
            LoadEngine.ReadAll(reader, parser.Session, parser, cancellationToken);
            return (last ? 0 : reader.LineBreaksRead, reader.FirstHeaders);
        }
    }
}
