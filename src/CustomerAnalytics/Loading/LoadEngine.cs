namespace CustomerAnalytics.Loading;

/// <summary>Opens sources (files, streams, text readers; gzip; format by extension) and runs a <see cref="RowParser"/> over them.</summary>
internal static class LoadEngine
{
    /// <summary>Reads every row of a file.</summary>
    public static LoadReport Run(string path, LoadSession session, RowParser parser)
    {
        using var reader = OpenFile(path, session, DataFormat.Auto, useAsync: false);
        return Run(reader, session, parser);
    }

    /// <summary>Reads every row of a stream (left open).</summary>
    public static LoadReport Run(Stream stream, DataFormat format, LoadSession session, RowParser parser)
    {
        using var reader = OpenStream(stream, session, format, leaveOpen: true);
        return Run(reader, session, parser);
    }

    /// <summary>Reads every row of a text reader (left open).</summary>
    public static LoadReport Run(TextReader text, DataFormat format, LoadSession session, RowParser parser)
    {
        using var reader = OpenText(text, session, format);
        return Run(reader, session, parser);
    }

    public static async Task<LoadReport> RunAsync(string path, LoadSession session, RowParser parser, CancellationToken cancellationToken)
    {
        using var reader = OpenFile(path, session, DataFormat.Auto, useAsync: true);
        return await RunAsync(reader, session, parser, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<LoadReport> RunAsync(Stream stream, DataFormat format, LoadSession session, RowParser parser, CancellationToken cancellationToken)
    {
        using var reader = OpenStream(stream, session, format, leaveOpen: true);
        return await RunAsync(reader, session, parser, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<LoadReport> RunAsync(TextReader text, DataFormat format, LoadSession session, RowParser parser, CancellationToken cancellationToken)
    {
        using var reader = OpenText(text, session, format);
        return await RunAsync(reader, session, parser, cancellationToken).ConfigureAwait(false);
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

    internal static LoadReport Run(TabularReader reader, LoadSession session, RowParser parser)
    {
        ReadAll(reader, session, parser);
        return Finish(session, parser);
    }

    /// <summary>Reads the header, binds the columns and parses every row, without finishing the session.</summary>
    public static void ReadAll(TabularReader reader, LoadSession session, RowParser parser, CancellationToken cancellationToken = default)
    {
        if (!ReadHeader(reader, session))
        {
            throw EmptySource(session);
        }

        parser.Bind(reader);
        try
        {
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                ParseRow(reader, session, parser);
            }
        }
        catch (SourceFormatException ex)
        {
            throw SourceError(session, ex, reader);
        }
    }

    internal static async Task<LoadReport> RunAsync(TabularReader reader, LoadSession session, RowParser parser, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        bool any;
        try
        {
            any = await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SourceFormatException ex)
        {
            throw SourceError(session, ex, reader);
        }

        if (!any)
        {
            throw EmptySource(session);
        }

        parser.Bind(reader);
        try
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                ParseRow(reader, session, parser);
            }
        }
        catch (SourceFormatException ex)
        {
            throw SourceError(session, ex, reader);
        }

        return Finish(session, parser);
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

    /// <summary>The error of a source that cannot be read on; one without a line of its own (damaged gzip) gets the line reached.</summary>
    private static DataLoadException SourceError(LoadSession session, SourceFormatException ex, TabularReader reader) =>
        session.SourceError(ex.Line > 0 ? ex.Line : reader.Line, null, null, ex.Problem, ex.Expected, ex.Hint);

    private static bool ReadHeader(TabularReader reader, LoadSession session)
    {
        try
        {
            return reader.ReadHeader();
        }
        catch (SourceFormatException ex)
        {
            throw SourceError(session, ex, reader);
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

    private static DataLoadException EmptySource(LoadSession session) => session.SourceError(
        0,
        null,
        null,
        "the source is empty",
        "a header line naming the columns, then one line per row (or, for JSON, at least one object)",
        null);

    private static TabularReader OpenFile(string path, LoadSession session, DataFormat format, bool useAsync)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync ? FileOptions.Asynchronous | FileOptions.SequentialScan : FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw session.SourceError(0, null, null, "the file does not exist", $"a readable file at '{Path.GetFullPath(path)}'", "Check the path; a relative path is resolved against the current directory (" + Environment.CurrentDirectory + ").");
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
