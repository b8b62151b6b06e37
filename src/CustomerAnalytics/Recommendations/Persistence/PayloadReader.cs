using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace CustomerAnalytics.Recommendations.Persistence;

/// <summary>
/// Reads what <see cref="PayloadWriter"/> wrote, from a payload whose checksum has already been verified; every count
/// is still checked against the bytes left, so a file written by a faulty writer fails with its byte offset rather
/// than an out-of-memory error.
/// </summary>
internal sealed class PayloadReader(byte[] payload, string source)
{
    private readonly List<string> _texts = [];
    private int _position;

    /// <summary>Whether every byte has been read.</summary>
    public bool AtEnd => _position == payload.Length;

    /// <summary>The offset of the next byte, from the start of the payload.</summary>
    public int Position => _position;

    public byte Byte() => Take(1)[0];

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public decimal Decimal()
    {
        var bytes = Take(16);
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            bits[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 4)..]);
        }

        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException)
        {
            throw Fail(_position - 16, "an invalid decimal");
        }
    }

    public string String()
    {
        var at = _position;
        var length = SevenBitInt();
        if (length < 0 || length > payload.Length - _position)
        {
            throw Fail(at, string.Create(CultureInfo.InvariantCulture, $"a string of {length} bytes where {payload.Length - _position} are left"));
        }

        return Encoding.UTF8.GetString(Take(length));
    }

    public string Text()
    {
        var at = _position;
        var index = SevenBitInt();
        if (index == 0)
        {
            var text = String();
            _texts.Add(text);
            return text;
        }

        if (index < 0 || index > _texts.Count)
        {
            throw Fail(at, string.Create(CultureInfo.InvariantCulture, $"text #{index} where {_texts.Count} have been read"));
        }

        return _texts[index - 1];
    }

    public int[] Int32s() => Numbers<int>(4);

    public double[] Doubles() => Numbers<double>(8);

    public float[] Singles() => Numbers<float>(4);

    /// <summary>A count or index that must lie in [0, <paramref name="limit"/>).</summary>
    public int Index(int limit, string what)
    {
        var at = _position;
        var value = Int32();
        return value >= 0 && value < limit
            ? value
            : throw Fail(at, string.Create(CultureInfo.InvariantCulture, $"{what} {value}, outside 0 to {limit - 1}"));
    }

    /// <summary>An error saying what is wrong at which payload offset, and what to do.</summary>
    public InvalidDataException Fail(int offset, string found) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The saved model {source} is not valid: at payload byte {offset}, found {found}. The file passed its checksum, so the program that wrote it is at fault; fit the model again and save it with this library."));

    private T[] Numbers<T>(int size)
        where T : unmanaged
    {
        var at = _position;
        var count = Int32();
        if (count < 0 || count > (payload.Length - _position) / size)
        {
            throw Fail(at, string.Create(CultureInfo.InvariantCulture, $"an array of {count} elements where {payload.Length - _position} bytes are left"));
        }

        var bytes = Take(count * size);
        var values = MemoryMarshal.Cast<byte, T>(bytes).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            for (var i = 0; i < values.Length; i++)
            {
                MemoryMarshal.AsBytes(values.AsSpan(i, 1)).Reverse();
            }
        }

        return values;
    }

    private int SevenBitInt()
    {
        var result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Byte();
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw Fail(_position - 5, "a length longer than five bytes");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > payload.Length - _position)
        {
            throw Fail(_position, string.Create(CultureInfo.InvariantCulture, $"the end of the payload where {count} more bytes were expected"));
        }

        var span = payload.AsSpan(_position, count);
        _position += count;
        return span;
    }
}
