namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// The dimension tables of a join and the look-ups of its row pass: raw (staging) index → table index (−1: left out),
/// whether each raw id was added, each product's list price in units, each customer's signup day.
/// </summary>
internal sealed record JoinedDimensions(
    Model.Customer[] Customers,
    int[] CustomerSegments,
    string[] Segments,
    int[] CustomerMap,
    bool[] CustomerAdded,
    Model.Product[] Products,
    int[] ProductCategories,
    string[] Categories,
    int[] ProductMap,
    bool[] ProductAdded)
{
    /// <summary>Whether every customer referenced was added: raw indexes are then table indexes.</summary>
    public bool AllCustomersAdded { get; } = Array.TrueForAll(CustomerAdded, added => added);

    /// <summary>Whether every product referenced was added: raw indexes are then table indexes.</summary>
    public bool AllProductsAdded { get; } = Array.TrueForAll(ProductAdded, added => added);

    /// <summary>Per product, its list price in units (or <see cref="Internal.Money.None"/>).</summary>
    public required long[] ListPrices { get; init; }

    /// <summary>Per customer, the day number of its signup (int.MinValue when unknown).</summary>
    public required int[] SignupDays { get; init; }
}
