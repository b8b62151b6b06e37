using System.Collections.Immutable;
using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Recommendations.Persistence;

/// <summary>
/// Writes and reads what a fitted model keeps of its dataset: the customers, products, segments and categories (same
/// indexes), the guest customer, and what each customer bought. The transactions themselves are not saved: a loaded
/// model's dataset has no rows.
/// </summary>
internal static class DatasetCodec
{
    /// <summary>Flag: a signup date (customer) or list price (product) follows.</summary>
    private const byte HasValue = 1;
    /// <summary>Flag: a name follows.</summary>
    private const byte HasName = 2;

    public static void Write(PayloadWriter w, EnrichedDataset dataset, CustomerPurchases purchases)
    {
        Strings(w, dataset.SegmentTable);
        Strings(w, dataset.CategoryTable);
        w.Int32(dataset.CustomerTable.Length);
        for (var c = 0; c < dataset.CustomerTable.Length; c++)
        {
            var customer = dataset.CustomerTable[c];
            w.String(customer.Id);
            w.Text(customer.Segment);
            w.Int32(dataset.CustomerSegmentTable[c]);
            w.Byte((byte)((customer.SignupDate is null ? 0 : HasValue) | (customer.Name is null ? 0 : HasName)));
            if (customer.SignupDate is { } date)
            {
                w.Int32(date.DayNumber);
            }

            if (customer.Name is { } name)
            {
                w.String(name);
            }
        }

        w.Int32(dataset.ProductTable.Length);
        for (var p = 0; p < dataset.ProductTable.Length; p++)
        {
            var product = dataset.ProductTable[p];
            w.String(product.Id);
            w.Text(product.Category);
            w.Int32(dataset.ProductCategoryTable[p]);
            w.Byte((byte)((product.ListPrice is null ? 0 : HasValue) | (product.Name is null ? 0 : HasName)));
            if (product.ListPrice is { } price)
            {
                w.Decimal(price);
            }

            if (product.Name is { } name)
            {
                w.String(name);
            }
        }

        w.Int32(dataset.GuestCustomer);
        w.Int32s(purchases.Offsets);
        w.Int32s(purchases.ProductIndexes);
    }

    public static (EnrichedDataset Dataset, CustomerPurchases Purchases) Read(PayloadReader r)
    {
        var segments = Strings(r);
        var categories = Strings(r);
        var customerCount = r.Index(int.MaxValue, "a customer count");
        var customers = new Customer[customerCount];
        var customerSegments = new int[customerCount];
        for (var c = 0; c < customerCount; c++)
        {
            var id = r.String();
            var segment = r.Text();
            customerSegments[c] = r.Index(segments.Length, "a segment index");
            var flags = r.Byte();
            DateOnly? date = (flags & HasValue) != 0 ? Day(r) : null;
            var name = (flags & HasName) != 0 ? r.String() : null;
            customers[c] = new Customer(id, segment, date, name);
        }

        var productCount = r.Index(int.MaxValue, "a product count");
        var products = new Product[productCount];
        var productCategories = new int[productCount];
        for (var p = 0; p < productCount; p++)
        {
            var id = r.String();
            var category = r.Text();
            productCategories[p] = r.Index(categories.Length, "a category index");
            var flags = r.Byte();
            decimal? price = (flags & HasValue) != 0 ? r.Decimal() : null;
            var name = (flags & HasName) != 0 ? r.String() : null;
            products[p] = new Product(id, category, price, name);
        }

        var at = r.Position;
        var guest = r.Int32();
        if (guest < -1 || guest >= customerCount)
        {
            throw r.Fail(at, string.Create(CultureInfo.InvariantCulture, $"guest customer {guest} of {customerCount} customers"));
        }

        var purchases = CustomerPurchases.FromState(Offsets(r, customerCount), Indexes(r, productCount, "a purchased product"));
        var report = new EnrichmentReport
        {
            TransactionsRead = 0,
            TransactionsKept = 0,
            Counts = ImmutableSortedDictionary<EnrichmentIssueKind, int>.Empty,
            Issues = [],
        };
        var dataset = new EnrichedDataset(customers, customerSegments, products, productCategories, segments, categories, [], [], [], [], [], [], null, IdColumn.Texts([]), IdColumn.Texts([]), [], report)
        {
            GuestCustomer = guest,
        };
        return (dataset, purchases);
    }

    /// <summary>Offsets of a compressed per-row array: <paramref name="rows"/> + 1 values, from 0, never decreasing.</summary>
    public static int[] Offsets(PayloadReader r, int rows)
    {
        var at = r.Position;
        var offsets = r.Int32s();
        if (offsets.Length != rows + 1 || offsets[0] != 0)
        {
            throw r.Fail(at, string.Create(CultureInfo.InvariantCulture, $"{offsets.Length} offsets for {rows} rows"));
        }

        for (var i = 1; i < offsets.Length; i++)
        {
            if (offsets[i] < offsets[i - 1])
            {
                throw r.Fail(at, string.Create(CultureInfo.InvariantCulture, $"offsets decreasing at row {i - 1}"));
            }
        }

        return offsets;
    }

    /// <summary>An array of indexes, each in [0, <paramref name="limit"/>).</summary>
    public static int[] Indexes(PayloadReader r, int limit, string what)
    {
        var at = r.Position;
        var values = r.Int32s();
        foreach (var value in values)
        {
            if ((uint)value >= (uint)limit)
            {
                throw r.Fail(at, string.Create(CultureInfo.InvariantCulture, $"{what} {value}, outside 0 to {limit - 1}"));
            }
        }

        return values;
    }

    private static DateOnly Day(PayloadReader r)
    {
        var at = r.Position;
        var day = r.Int32();
        return day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber(day)
            : throw r.Fail(at, string.Create(CultureInfo.InvariantCulture, $"day number {day}"));
    }

    private static void Strings(PayloadWriter w, string[] values)
    {
        w.Int32(values.Length);
        foreach (var value in values)
        {
            w.String(value);
        }
    }

    private static string[] Strings(PayloadReader r)
    {
        var values = new string[r.Index(int.MaxValue, "a count")];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.String();
        }

        return values;
    }
}
