using System.Buffers.Binary;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace CustomerAnalytics.Recommendations.Persistence;

/// <summary>
/// Saves a fitted model to a stream and loads it back, so a service can start without refitting. The format is
/// versioned and documented byte by byte in <c>docs/saved-models.md</c>: a signature, the format version, the model
/// kind, the library version, the strategy name, the payload and a SHA-256 checksum.
/// </summary>
/// <remarks>
/// <para>A loaded model answers exactly as the model that was saved: the same recommendations, scores, reasons,
/// related products and fallbacks, for every customer. It keeps what the model needs of the dataset (customers,
/// products, segments, categories and what each customer bought), not the transactions.</para>
/// <para>Loading fails with an <see cref="InvalidDataException"/> that says what is wrong and what to do when the
/// stream is not a saved model, is of another format version, is truncated or damaged (checksum), or is of another
/// kind than the one asked for.</para>
/// </remarks>
/// <example><code>
/// var model = new ItemCooccurrenceRecommender().Fit(dataset);
/// RecommenderModelFile.SaveFile(model, "model.cam");
/// var loaded = RecommenderModelFile.LoadFile("model.cam");
/// </code></example>
public static class RecommenderModelFile
{
    /// <summary>The format version this library writes and reads.</summary>
    public const int FormatVersion = 2;

    /// <summary>The file name extension the tool and the docs use: <c>.cam</c> (CustomerAnalytics model).</summary>
    public const string Extension = ".cam";

    /// <summary>Bytes 0–7 of every saved model: 0x89 <c>C A M</c> CR LF 0x1A LF.</summary>
    private static readonly byte[] Signature = [0x89, (byte)'C', (byte)'A', (byte)'M', 0x0D, 0x0A, 0x1A, 0x0A];

    private const int ChecksumLength = 32;

    /// <summary>The version of this library, as written in the header.</summary>
    public static string LibraryVersion { get; } = Version();

    /// <summary>Writes a fitted model to a stream.</summary>
    /// <param name="model">A model fitted by one of this library's recommenders (or a blend or chain of them).</param>
    /// <param name="stream">Where to write; left open, positioned after the model.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException"><paramref name="model"/> (or a part of it) was not fitted by this library.</exception>
    public static void Save(IRecommenderModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        var (kind, payload) = ModelEncoder.Encode(model);
        var header = Header(kind, model.StrategyName, payload.LongLength);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(header);
        sha.AppendData(payload);
        stream.Write(header);
        stream.Write(payload);
        stream.Write(sha.GetHashAndReset());
    }

    /// <summary>Writes a fitted model to a file, replacing it (through a temporary file, so a reader never sees half a model).</summary>
    /// <param name="model">The model.</param>
    /// <param name="path">The file, conventionally with the <see cref="Extension"/> extension.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException"><paramref name="model"/> (or a part of it) was not fitted by this library.</exception>
    public static void SaveFile(IRecommenderModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            Save(model, file);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a model written by <see cref="Save(IRecommenderModel, Stream)"/>.</summary>
    /// <param name="stream">The stream, positioned at the model's first byte; read up to the model's last byte.</param>
    /// <param name="source">What to call the stream in errors (a file name); <see langword="null"/> for "the stream".</param>
    /// <param name="expectedKind">The kind the caller needs; <see langword="null"/> for any.</param>
    /// <returns>The model, answering exactly as the saved one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The stream is not a saved model, is of another format version or kind, or is truncated or damaged.</exception>
    public static IRecommenderModel Load(Stream stream, string? source = null, SavedModelKind? expectedKind = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var name = Name(source);
        var (info, header) = ReadHeader(stream, name);
        if (expectedKind is { } expected && expected != info.Kind)
        {
            throw new InvalidDataException($"{name} holds a {info.Kind} model ({info.StrategyName}), not the {expected} model asked for. Pass the file saved for that strategy, or fit a {expected} model and save it.");
        }

        if (info.PayloadLength > Array.MaxLength)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{name} announces a payload of {info.PayloadLength} bytes, more than this library can load; the file is damaged. Save the model again."));
        }

        var payload = new byte[info.PayloadLength];
        var checksum = new byte[ChecksumLength];
        var read = stream.ReadAtLeast(payload, payload.Length, throwOnEndOfStream: false);
        read += read == payload.Length ? stream.ReadAtLeast(checksum, ChecksumLength, throwOnEndOfStream: false) : 0;
        if (read < payload.Length + ChecksumLength)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{name} is truncated: its header announces {info.PayloadLength} payload bytes and a {ChecksumLength}-byte checksum after the {header.Length}-byte header, but only {read} of them follow. The copy or download was cut short: copy the file again, or save the model again."));
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(header);
        sha.AppendData(payload);
        var actual = sha.GetHashAndReset();
        if (!actual.AsSpan().SequenceEqual(checksum))
        {
            throw new InvalidDataException(
                $"{name} is damaged: its SHA-256 checksum is {Convert.ToHexString(checksum)} but its contents hash to {Convert.ToHexString(actual)}. The file was changed after it was saved: copy it again from where it was written, or save the model again.");
        }

        return ModelDecoder.Decode(new PayloadReader(payload, name));
    }

    /// <summary>Reads a model from a file written by <see cref="SaveFile(IRecommenderModel, string)"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="expectedKind">The kind the caller needs; <see langword="null"/> for any.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a saved model, is of another format version or kind, or is truncated or damaged.</exception>
    public static IRecommenderModel LoadFile(string path, SavedModelKind? expectedKind = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.OpenRead(path);
        return Load(file, Path.GetFileName(path), expectedKind);
    }

    /// <summary>Reads only the header of a saved model: its format version, kind, strategy and the library version that wrote it.</summary>
    /// <param name="stream">The stream, positioned at the model's first byte; read up to the end of the header.</param>
    /// <returns>What the header says.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The stream is not a saved model, or is of another format version.</exception>
    public static SavedModelInfo ReadInfo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadHeader(stream, Name(null)).Info;
    }

    private static (SavedModelInfo Info, byte[] Header) ReadHeader(Stream stream, string name)
    {
        var fixedPart = new byte[Signature.Length + 4];
        var read = stream.ReadAtLeast(fixedPart, fixedPart.Length, throwOnEndOfStream: false);
        if (read < Signature.Length || !fixedPart.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{name} is not a saved CustomerAnalytics model: it does not start with the signature 89 43 41 4D 0D 0A 1A 0A. Pass a file written by RecommenderModelFile.Save or 'customer-analytics fit --save'.");
        }

        if (read < fixedPart.Length)
        {
            throw Truncated(name);
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart.AsSpan(8));
        if (version != FormatVersion)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{name} is in saved-model format version {version}; this library ({LibraryVersion}) reads format version {FormatVersion}. Load it with the library version that wrote it, or fit the model again and save it with this version."));
        }

        var kind = (SavedModelKind)fixedPart[10];
        if (!Enum.IsDefined(kind))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{name} holds a model of kind {fixedPart[10]}, which this library ({LibraryVersion}) does not know. Load it with the library version that wrote it."));
        }

        using var rest = new MemoryStream();
        rest.Write(fixedPart);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var libraryVersion = reader.ReadString();
            var strategy = reader.ReadString();
            var payloadLength = reader.ReadInt64();
            using (var writer = new BinaryWriter(rest, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(libraryVersion);
                writer.Write(strategy);
                writer.Write(payloadLength);
            }

            if (payloadLength < 0)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{name} is damaged: its header announces a payload of {payloadLength} bytes. Save the model again."));
            }

            return (new SavedModelInfo(version, kind, strategy, libraryVersion, payloadLength), rest.ToArray());
        }
        catch (EndOfStreamException)
        {
            throw Truncated(name);
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"{name} is damaged: its header's texts are not valid. Save the model again.");
        }
    }

    private static byte[] Header(SavedModelKind kind, string strategyName, long payloadLength)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Signature);
            writer.Write((ushort)FormatVersion);
            writer.Write((byte)kind);
            writer.Write((byte)0);
            writer.Write(LibraryVersion);
            writer.Write(strategyName);
            writer.Write(payloadLength);
        }

        return buffer.ToArray();
    }

    private static InvalidDataException Truncated(string name) =>
        new($"{name} is truncated: it ends inside its header. The copy or download was cut short: copy the file again, or save the model again.");

    private static string Name(string? source) => source is null ? "The stream" : "'" + source + "'";

    private static string Version()
    {
        var assembly = typeof(RecommenderModelFile).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
