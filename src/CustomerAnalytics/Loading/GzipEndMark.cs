using System.Buffers.Binary;

namespace CustomerAnalytics.Loading;

/// <summary>
/// The gzip member <see cref="CheckedGzipStream"/> appends to its input: <see cref="Content"/> in one stored deflate
/// block, with its CRC-32 and length (RFC 1952).
/// </summary>
internal static class GzipEndMark
{
    /// <summary>The two bytes every gzip member starts with.</summary>
    public static ReadOnlySpan<byte> Magic => [0x1f, 0x8b];

    /// <summary>The content of the member: bytes no decompressed stream is likely to end with by chance.</summary>
    public static ReadOnlySpan<byte> Content => [0x00, 0xCA, 0x67, 0x7A, 0xE1, 0x9D, 0x00, 0x5F, 0x3C, 0xA1, 0x0F, 0xF0, 0x7B, 0x96, 0x00, 0xD2];

    private static readonly byte[] s_member = Build();

    /// <summary>The whole member.</summary>
    public static ReadOnlySpan<byte> Member => s_member;

    private static byte[] Build()
    {
        var content = Content;
        var member = new List<byte> { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff };
        // A final stored block: BFINAL = 1, BTYPE = 00, then LEN and its complement.
        member.Add(1);
        member.AddRange([(byte)content.Length, 0, (byte)~content.Length, 0xff]);
        member.AddRange(content.ToArray());
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32(content));
        member.AddRange(crc);
        member.AddRange([(byte)content.Length, 0, 0, 0]);
        return [.. member];
    }

    /// <summary>The CRC-32 of gzip (reflected polynomial 0xEDB88320), bit by bit: it runs once, over 16 bytes.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
