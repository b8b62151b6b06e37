using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Evaluation;

/// <summary>
/// The ground truth interned: customers and products to dense indexes, and for each customer the sorted, distinct
/// indexes of its relevant products (one offsets array, one values array). Immutable once built.
/// </summary>
internal sealed class TruthIndex
{
    private readonly int[] _offsets;
    private readonly int[] _products;

    private TruthIndex(Interner customers, Interner products, int[] offsets, int[] items)
    {
        Customers = customers;
        Products = products;
        _offsets = offsets;
        _products = items;
    }

    public Interner Customers { get; }

    public Interner Products { get; }

    public int CustomerCount => Customers.Count;

    /// <summary>The relevant products of a customer, sorted ascending.</summary>
    public ReadOnlySpan<int> Of(int customer) => _products.AsSpan(_offsets[customer], _offsets[customer + 1] - _offsets[customer]);

    /// <summary>Interns the truth; a repeated (customer, product) pair counts once.</summary>
    public static TruthIndex Build(IEnumerable<RelevantItem> truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var customers = new Interner();
        var products = new Interner();
        var pairs = new GrowableArray<long>(truth.TryGetNonEnumeratedCount(out var n) ? n : 0);
        foreach (var item in truth)
        {
            ArgumentNullException.ThrowIfNull(item.CustomerId, nameof(truth));
            ArgumentNullException.ThrowIfNull(item.ProductId, nameof(truth));
            pairs.Add(((long)customers.Intern(item.CustomerId) << 32) | (uint)products.Intern(item.ProductId));
        }

        var sorted = pairs.AsSpan();
        sorted.Sort();
        var offsets = new int[customers.Count + 1];
        var items = new int[sorted.Length];
        var count = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0 && sorted[i] == sorted[i - 1])
            {
                continue;
            }

            offsets[(int)(sorted[i] >> 32) + 1]++;
            items[count++] = (int)(sorted[i] & 0xFFFF_FFFF);
        }

        for (var c = 0; c < customers.Count; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        return new TruthIndex(customers, products, offsets, items.AsSpan(0, count).ToArray());
    }
}
