namespace CustomerAnalytics.Internal;

/// <summary>
/// The shapes of the prefix+number ids of one <see cref="Utf8IdTable"/>: an id's template is its bytes with every
/// ASCII digit replaced by a placeholder (<c>SKU-77423-181</c> → <c>SKU-#####-###</c>), so the template and the
/// digits read as one number give back exactly the id (leading zeros and all). A table meets few shapes, so the
/// last one is tried first. At most <see cref="MaxTemplates"/>; once full, no shape is added again, which keeps an
/// id's encoding the same for its whole life (an id stored as bytes never finds its template added later).
/// </summary>
internal sealed class IdTemplates
{
    /// <summary>At most this many templates (12 bits of a packed key).</summary>
    public const int MaxTemplates = 4096;

    /// <summary>At most this many digits (the other 52 bits of a packed key hold up to 10¹⁵ − 1).</summary>
    public const int MaxDigits = 15;

    private const int MaxLength = 64;
    private const byte Placeholder = 0xFF; // never in UTF-8 text
    private const int NumberBits = 52;

    private readonly List<byte[]> _templates = [];
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private int _last = -1;

    /// <summary>
    /// The id packed as template index (12 bits) and number (52 bits); <see langword="false"/> when it is not a
    /// prefix+number id of 1–15 digits, or its template is unknown and <paramref name="add"/> is false or the
    /// templates are full.
    /// </summary>
    public bool TryPack(ReadOnlySpan<byte> id, bool add, out ulong packed)
    {
        packed = 0;
        if (id.Length > MaxLength)
        {
            return false;
        }

        if (_last >= 0 && Matches(_templates[_last], id, out var number))
        {
            packed = ((ulong)_last << NumberBits) | number;
            return true;
        }

        Span<byte> template = stackalloc byte[id.Length];
        var digits = 0;
        number = 0;
        for (var i = 0; i < id.Length; i++)
        {
            var b = id[i];
            if (b == Placeholder)
            {
                return false;
            }

            if (b is >= (byte)'0' and <= (byte)'9')
            {
                digits++;
                number = (number * 10) + (ulong)(b - '0');
                template[i] = Placeholder;
            }
            else
            {
                template[i] = b;
            }
        }

        if (digits is 0 or > MaxDigits)
        {
            return false;
        }

        var index = Find(template);
        if (index < 0)
        {
            if (!add || _templates.Count == MaxTemplates)
            {
                return false;
            }

            index = _templates.Count;
            _templates.Add(template.ToArray());
            _indexes.Add(Key(template), index);
        }

        _last = index;
        packed = ((ulong)index << NumberBits) | number;
        return true;
    }

    private static bool Matches(byte[] template, ReadOnlySpan<byte> id, out ulong number)
    {
        number = 0;
        if (template.Length != id.Length)
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            var b = id[i];
            if (template[i] == Placeholder)
            {
                if (b is < (byte)'0' or > (byte)'9')
                {
                    return false;
                }

                number = (number * 10) + (ulong)(b - '0');
            }
            else if (template[i] != b)
            {
                return false;
            }
        }

        return true;
    }

    private int Find(ReadOnlySpan<byte> template) => _indexes.TryGetValue(Key(template), out var index) ? index : -1;

    // Latin-1 maps each byte to one char, so distinct templates give distinct strings.
    private static string Key(ReadOnlySpan<byte> template) => System.Text.Encoding.Latin1.GetString(template);
}
