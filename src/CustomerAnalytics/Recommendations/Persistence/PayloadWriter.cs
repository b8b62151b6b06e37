using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace CustomerAnalytics.Recommendations.Persistence;

/// <summary>
/// Writes the primitives of the saved-model format (<c>docs/saved-models.md</c>): little-endian numbers, strings as a
/// 7-bit encoded UTF-8 byte count then the bytes, arrays as an <see cref="int"/> count then the elements, and reasons
/// through a table so a text repeated across lists is written once.
/// </summary>
internal sealed class PayloadWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);

    /// <summary>The bytes written so far.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void Byte(byte value) => Take(1)[0] = value;

    public void Int32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);

    public void Double(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(8), value);

    /// <summary>The four 32-bit parts of <see cref="decimal.GetBits(decimal)"/>, each little-endian.</summary>
    public void Decimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        foreach (var part in bits)
        {
            Int32(part);
        }
    }

    public void String(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        SevenBitInt(length);
        Encoding.UTF8.GetBytes(value, Take(length));
    }

    /// <summary>A text that is likely repeated (reasons): 0 then the string the first time, else its 1-based table index.</summary>
    public void Text(string value)
    {
        if (_texts.TryGetValue(value, out var index))
        {
            SevenBitInt(index + 1);
            return;
        }

        _texts.Add(value, _texts.Count);
        SevenBitInt(0);
        String(value);
    }

    public void Int32s(ReadOnlySpan<int> values) => Numbers(values);

    public void Doubles(ReadOnlySpan<double> values) => Numbers(values);

    public void Singles(ReadOnlySpan<float> values) => Numbers(values);

    /// <summary>The count, then each number's bytes, little-endian.</summary>
    private void Numbers<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        Int32(values.Length);
        var bytes = MemoryMarshal.AsBytes(values);
        var target = Take(bytes.Length);
        bytes.CopyTo(target);
        if (!BitConverter.IsLittleEndian)
        {
            var size = bytes.Length / Math.Max(values.Length, 1);
            for (var at = 0; at < target.Length; at += size)
            {
                target.Slice(at, size).Reverse();
            }
        }
    }

    private void SevenBitInt(int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            Byte((byte)(v | 0x80));
            v >>= 7;
        }

        Byte((byte)v);
    }

    private Span<byte> Take(int count)
    {
        var span = _buffer.GetSpan(count)[..count];
        _buffer.Advance(count);
        return span;
    }
}
