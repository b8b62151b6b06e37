using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Loading;

/// <summary>Opens sources (files, streams, text readers; gzip; format by extension) and runs a <see cref="RowParser"/> over them.</summary>
internal static class LoadEngine
{
    /// <summary>Reads every row of a source and finishes the session.</summary>
    public static LoadReport Run(LoadInput input, LoadSession session, RowParser parser) =>
        SyncPath.Result(RunAsync(input, session, parser, useAsync: false, CancellationToken.None));

    /// <summary>
    /// The one body of every load: opens the source, reads every row and finishes the session; with
    /// <paramref name="useAsync"/> off it only calls synchronous methods (<see cref="SyncPath"/>).
    /// </summary>
    public static async ValueTask<LoadReport> RunAsync(LoadInput input, LoadSession session, RowParser parser, bool useAsync, CancellationToken cancellationToken)
    {
        using var reader = Open(input, session, useAsync);
        await ReadAllAsync(reader, session, parser, useAsync, cancellationToken).ConfigureAwait(false);
        return Finish(session, parser);
    }

    /// <summary>The one body of a load from a reader the caller opened; <see cref="RunAsync(LoadInput, LoadSession, RowParser, bool, CancellationToken)"/> otherwise.</summary>
    public static async ValueTask<LoadReport> RunAsync(TabularReader reader, LoadSession session, RowParser parser, bool useAsync, CancellationToken cancellationToken)
    {
        await ReadAllAsync(reader, session, parser, useAsync, cancellationToken).ConfigureAwait(false);
        return Finish(session, parser);
    }

    /// <summary>The format a name stands for, and whether it is gzipped (<c>.gz</c>).</summary>
    public static DataFormat Resolve(DataFormat format, string name, out bool gzip)
    {
        gzip = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (format != DataFormat.Auto)
        {
            return format;
        }

        var stem = gzip ? name[..^3] : name;
        return Path.GetExtension(stem).ToUpperInvariant() switch
        {
            ".JSON" => DataFormat.Json,
            ".JSONL" or ".NDJSON" => DataFormat.JsonLines,
            _ => DataFormat.Csv,
        };
    }

    /// <summary>Reads the header, binds the columns and parses every row, without finishing the session.</summary>
    public static void ReadAll(TabularReader reader, LoadSession session, RowParser parser, CancellationToken cancellationToken = default) =>
        SyncPath.Result(ReadAllAsync(reader, session, parser, useAsync: false, cancellationToken));

    private static async ValueTask<bool> ReadAllAsync(TabularReader reader, LoadSession session, RowParser parser, bool useAsync, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (!(useAsync ? await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false) : reader.ReadHeader()))
            {
                LoadThrow.DataLoadException_EmptySource(session);
            }

            parser.Bind(reader);
            while (useAsync ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                ParseRow(reader, session, parser);
            }
        }
        catch (SourceFormatException ex)
        {
            LoadThrow.DataLoadException_SourceFormat(session, ex, reader.Line);
        }

        return true;
    }

    /// <summary>A row whose shape is wrong (field count, not an object) is rejected without reading its fields.</summary>
    private static void ParseRow(TabularReader reader, LoadSession session, RowParser parser)
    {
        session.BeginRow(reader.Line);
        if (reader.CheckShape(session))
        {
            parser.ParseRow(reader);
        }
        else
        {
            session.EndRow();
        }
    }

    private static LoadReport Finish(LoadSession session, RowParser parser)
    {
        if (session.TotalProblems == 0 || session.Options.Mode == LoadMode.Lenient)
        {
            parser.Complete();
        }

        return session.Finish();
    }

    private static TabularReader Open(LoadInput input, LoadSession session, bool useAsync) =>
        input.Path is { } path ? OpenFile(path, session, input.Format, useAsync)
        : input.Stream is { } stream ? OpenStream(stream, session, input.Format, leaveOpen: true)
        : OpenText(input.Text!, session, input.Format);

    private static TabularReader OpenFile(string path, LoadSession session, DataFormat format, bool useAsync)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileStream? file = null;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync ? FileOptions.Asynchronous | FileOptions.SequentialScan : FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            LoadThrow.DataLoadException_FileMissing(session, path);
        }

        try
        {
            return OpenStream(file, session, format, leaveOpen: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static TabularReader OpenStream(Stream stream, LoadSession session, DataFormat format, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var resolved = Resolve(format, session.Source, out var gzip);
        if (session.Options.ReadProgress is { } progress)
        {
            stream = new ProgressStream(stream, progress, leaveOpen);
            leaveOpen = false;
        }

        if (gzip)
        {
            stream = new CheckedGzipStream(stream, leaveOpen);
            leaveOpen = false;
        }

        if (!session.Options.IsUtf8)
        {
            // The parsers read UTF-8 spans: another encoding becomes UTF-8 as it is read.
            stream = System.Text.Encoding.CreateTranscodingStream(stream, session.Options.Encoding, System.Text.Encoding.UTF8, leaveOpen);
            leaveOpen = false;
        }

        return resolved switch
        {
            DataFormat.Json => JsonTabularReader.Create(stream, leaveOpen, lines: false),
            DataFormat.JsonLines => JsonTabularReader.Create(stream, leaveOpen, lines: true),
            _ => CsvTabularReader.Create(stream, session.Options, leaveOpen),
        };
    }

    private static TabularReader OpenText(TextReader text, LoadSession session, DataFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Resolve(format, session.Source, out _) switch
        {
            DataFormat.Json => JsonTabularReader.Create(text, lines: false),
            DataFormat.JsonLines => JsonTabularReader.Create(text, lines: true),
            _ => CsvTabularReader.Create(text, session.Options, leaveOpen: true),
        };
    }
}
