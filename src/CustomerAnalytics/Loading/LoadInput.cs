namespace CustomerAnalytics.Loading;

/// <summary>What a load reads: a file by path, a stream or a text reader (the last two left open), in a format.</summary>
internal readonly record struct LoadInput(string? Path, Stream? Stream, TextReader? Text, DataFormat Format)
{
    /// <summary>A file; its format comes from its extension.</summary>
    public static LoadInput File(string path) => new(path, null, null, DataFormat.Auto);

    /// <summary>A stream, left open; throws when it is <see langword="null"/>.</summary>
    public static LoadInput Of(Stream stream, DataFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new(null, stream, null, format);
    }

    /// <summary>A text reader, left open; throws when it is <see langword="null"/>.</summary>
    public static LoadInput Of(TextReader reader, DataFormat format)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new(null, null, reader, format);
    }

}
