using System.Globalization;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// Thrown by <see cref="EaseRecommender.Fit(Enrichment.EnrichedDataset, CancellationToken)"/> when more products were
/// bought than <see cref="EaseOptions.MaxProducts"/>: the fit would hold item × item matrices too large for the limit.
/// The message says the count, the memory it would take, the limit and what helps; callers that answer in their own
/// words (a tool's flags) catch this type rather than reading the message.
/// </summary>
public sealed class CatalogueTooLargeException : ArgumentException
{
    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public CatalogueTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CatalogueTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public CatalogueTooLargeException()
        : this("More products were bought than the strategy can fit.")
    {
    }

    private CatalogueTooLargeException(int boughtProducts, int maxProducts)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"EASE cannot fit {boughtProducts:N0} bought products: it holds item × item matrices of about 20 bytes a pair ({20.0 * boughtProducts * boughtProducts / 1e9:N1} GB here) and EaseOptions.MaxProducts is {maxProducts:N0}. Use item co-occurrence or ALS for this catalogue, fit on fewer products, or raise MaxProducts (at most {EaseOptions.ProductLimit:N0}) if the machine has the memory."))
    {
        BoughtProducts = boughtProducts;
        MaxProducts = maxProducts;
    }

    /// <summary>How many distinct products were bought (the size the fit would need); 0 when made from a message only.</summary>
    public int BoughtProducts { get; }

    /// <summary>The limit that was exceeded (<see cref="EaseOptions.MaxProducts"/>); 0 when made from a message only.</summary>
    public int MaxProducts { get; }

    /// <summary>The exception for EASE's limit: <paramref name="boughtProducts"/> over <paramref name="maxProducts"/>.</summary>
    internal static CatalogueTooLargeException ForEase(int boughtProducts, int maxProducts) => new(boughtProducts, maxProducts);
}
