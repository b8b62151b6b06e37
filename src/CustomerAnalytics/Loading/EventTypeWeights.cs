using System.Text;

namespace CustomerAnalytics.Loading;

/// <summary>
/// The event types of <see cref="LoadOptions.EventWeights"/> as the parser looks them up (UTF-8, ignoring ASCII case),
/// and how a row that is not a sale travels through staging: its weight with the sign bit set (−w, −0 for 0), so the
/// parallel load and every move of the weight column carry it unchanged; the join takes the rows apart again.
/// </summary>
internal sealed class EventTypeWeights
{
    private readonly byte[][] _names;
    private readonly float[] _weights;
    private readonly bool[] _sales;

    public EventTypeWeights(LoadOptions options)
    {
        var entries = options.EventWeights.OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase).ToArray();
        _names = Array.ConvertAll(entries, e => Encoding.UTF8.GetBytes(e.Key));
        _weights = Array.ConvertAll(entries, e => (float)e.Value);
        _sales = Array.ConvertAll(entries, e => options.SaleEvents.Contains(e.Key, StringComparer.OrdinalIgnoreCase));
        Expected = entries.Length == 0
            ? "an event type mapped in LoadOptions.EventWeights (none is)"
            : "one of " + string.Join(", ", entries.Select(e => e.Key));
    }

    /// <summary>What a row's event type should be, for its diagnostic.</summary>
    public string Expected { get; }

    /// <summary>Whether a staged weight is that of a row that is not a sale.</summary>
    public static bool IsNonSale(float staged) => !float.IsNaN(staged) && float.IsNegative(staged);

    /// <summary>The weight a staged one stands for.</summary>
    public static float WeightOf(float staged) => Math.Abs(staged);

    /// <summary>Finds <paramref name="type"/>: its weight and whether it is a sale.</summary>
    public bool TryFind(ReadOnlySpan<byte> type, out float weight, out bool sale)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(_names[i], type))
            {
                (weight, sale) = (_weights[i], _sales[i]);
                return true;
            }
        }

        (weight, sale) = (float.NaN, false);
        return false;
    }

    /// <summary>The staged weight of a row: its own (<paramref name="own"/>, NaN: none) or its type's, signed −w when it is not a sale.</summary>
    public static float Staged(float own, float typeWeight, bool sale)
    {
        var weight = float.IsNaN(own) ? typeWeight : own;
        return sale ? weight : -weight;
    }

    /// <summary>Adds the problems of <see cref="LoadOptions.EventWeights"/> and <see cref="LoadOptions.SaleEvents"/> to <paramref name="errors"/>.</summary>
    public static void Check(IReadOnlyDictionary<string, double>? weights, IReadOnlyList<string>? sales, List<string> errors)
    {
        if (weights is null || sales is null)
        {
            errors.Add($"{nameof(LoadOptions.EventWeights)} and {nameof(LoadOptions.SaleEvents)} must not be null.");
            return;
        }

        foreach (var (type, weight) in weights)
        {
            if (string.IsNullOrWhiteSpace(type))
            {
                errors.Add($"{nameof(LoadOptions.EventWeights)} has an empty event type.");
            }
            else if (!double.IsFinite(weight) || weight < 0 || weight > float.MaxValue)
            {
                errors.Add($"{nameof(LoadOptions.EventWeights)}['{type}'] must be a finite number of 0 or more (was {weight.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
            }
        }

        if (weights.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add($"{nameof(LoadOptions.EventWeights)} maps '{twice.Key}' more than once (event types match ignoring case).");
        }

        foreach (var sale in sales.Where(s => !weights.Keys.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add($"{nameof(LoadOptions.SaleEvents)} names '{sale}', which {nameof(LoadOptions.EventWeights)} does not map; add it there.");
        }
    }
}
