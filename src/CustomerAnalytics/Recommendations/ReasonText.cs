using System.Globalization;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Recommendations;

/// <summary>The reason texts of the baseline strategies: short, invariant culture, deterministic.</summary>
internal static class ReasonText
{
    /// <summary>
    /// <c>top seller: 4 units, 796.00 revenue</c>; with buyers first when ranked by buyers; <c>most popular: weight 9.5,
    /// 3 units, 30.00 revenue</c> when ranked by the loaded weight (<paramref name="weight"/>).
    /// </summary>
    public static string TopSeller(PopularityMeasure measure, long units, int buyers, decimal revenue, double weight = 0)
    {
        var figures = string.Create(CultureInfo.InvariantCulture, $"{Plural(units, "unit")}, {Amount(revenue)} revenue");
        return measure switch
        {
            PopularityMeasure.Buyers => "top seller: " + Plural(buyers, "buyer") + ", " + figures,
            PopularityMeasure.Weight => "most popular: weight " + weight.ToString("0.####", CultureInfo.InvariantCulture) + ", " + figures,
            _ => "top seller: " + figures,
        };
    }

    /// <summary><c>top seller in your segment's favourite category, Software</c>, or <c>… 2nd favourite category, …</c>.</summary>
    public static string SegmentFavourite(int categoryRank, string category) =>
        categoryRank == 1
            ? "top seller in your segment's favourite category, " + category
            : "top seller in your segment's " + Ordinal(categoryRank) + " favourite category, " + category;

    /// <summary>The reason of a product recommended again because the customer bought it before.</summary>
    public const string BoughtBefore = "you bought it before";

    /// <summary>The reason of a basket product recommended again.</summary>
    public const string InYourBasket = "already in your basket";

    /// <summary><c>because you bought WHITE HANGING HEART T-LIGHT HOLDER</c> (the product's name, or its id when it has none).</summary>
    public static string BecauseYouBought(Product product) => "because you bought " + Named(product);

    /// <summary><c>often bought with WHITE HANGING HEART T-LIGHT HOLDER</c> (the product's name, or its id when it has none).</summary>
    public static string OftenBoughtWith(Product product) => "often bought with " + Named(product);

    /// <summary><c>customers with tastes like yours bought it; nearest to your P100</c> (name or id), or without the second part.</summary>
    public static string TastesLikeYours(Product? nearest) =>
        nearest is null
            ? "customers with tastes like yours bought it"
            : "customers with tastes like yours bought it; nearest to your " + Named(nearest);

    /// <summary><c>bought by customers like those who bought P100</c> (name or id).</summary>
    public static string BoughtByCustomersLike(Product product) => "bought by customers like those who bought " + Named(product);

    /// <summary>How a reason names a product: its <see cref="Product.Name"/> when the data has one, else its id.</summary>
    public static string Named(Product product) => string.IsNullOrWhiteSpace(product.Name) ? product.Id : product.Name;

    /// <summary>A money amount with at least two decimals and no rounding: <c>796.00</c>, <c>0.1234</c>.</summary>
    public static string Amount(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    /// <summary><c>1st</c>, <c>2nd</c>, <c>3rd</c>, <c>4th</c>, …, <c>11th</c>, <c>12th</c>, <c>13th</c>, <c>21st</c>, ….</summary>
    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    private static string Plural(long n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n is 1 or -1 ? noun : noun + "s");
}
