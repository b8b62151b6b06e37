using CustomerAnalytics.Model;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// The join's dimension pass: the customer and product tables (known records in the order added, then records made for
/// unknown ids when kept), their segments and categories dictionary-encoded, and what the row pass looks up per row.
/// </summary>
internal static class DimensionTables
{
    public static JoinedDimensions Join(TransactionStaging staging, EnrichmentOptions options)
    {
        var customerMap = MapDimension(staging.Customers, options.UnknownCustomers, id => new Customer(id, options.UnknownLabel), out var customers);
        var productMap = MapDimension(staging.Products, options.UnknownProducts, id => new Product(id, options.UnknownLabel), out var products);
        var (segments, customerSegments) = Encode(customers, c => c.Segment);
        var (categories, productCategories) = Encode(products, p => p.Category);

        // One string per segment and category: records that brought their own copy share the table's.
        for (var i = 0; i < customers.Length; i++)
        {
            if (!ReferenceEquals(customers[i].Segment, segments[customerSegments[i]]))
            {
                customers[i] = customers[i] with { Segment = segments[customerSegments[i]] };
            }
        }

        for (var i = 0; i < products.Length; i++)
        {
            if (!ReferenceEquals(products[i].Category, categories[productCategories[i]]))
            {
                products[i] = products[i] with { Category = categories[productCategories[i]] };
            }
        }

        // Per raw index, whether the customer or product was added (not only referenced); per customer, the day number
        // of its signup (int.MinValue when unknown: no purchase precedes it).
        var customerAdded = staging.Customers.Records.Select(c => c is not null).ToArray();
        var productAdded = staging.Products.Records.Select(p => p is not null).ToArray();
        return new JoinedDimensions(customers, customerSegments, segments, customerMap, customerAdded, products, productCategories, categories, productMap, productAdded)
        {
            ListPrices = Array.ConvertAll(products, EnrichedDataset.ListPriceUnitsOf),
            SignupDays = Array.ConvertAll(customers, c => c.SignupDate?.DayNumber ?? int.MinValue),
        };
    }

    private static int[] MapDimension<T>(IdRegistry<T> ids, UnknownReferencePolicy policy, Func<string, T> makeUnknown, out T[] table)
        where T : class
    {
        var records = ids.Records;
        var map = new int[records.Count];
        var result = new List<T>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i] is { } record)
            {
                map[i] = result.Count;
                result.Add(record);
            }
        }

        for (var i = 0; i < records.Count; i++)
        {
            if (records[i] is null)
            {
                if (policy == UnknownReferencePolicy.KeepAsUnknown)
                {
                    map[i] = result.Count;
                    result.Add(makeUnknown(ids[i]));
                }
                else
                {
                    map[i] = -1;
                }
            }
        }

        table = [.. result];
        return map;
    }

    private static (string[] Values, int[] Codes) Encode<T>(T[] records, Func<T, string> key)
    {
        // Codes by first appearance, then renumbered in ordinal order of the values.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<string>();
        var codes = new int[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            var value = key(records[i]);
            if (!index.TryGetValue(value, out var code))
            {
                code = values.Count;
                index.Add(value, code);
                values.Add(value);
            }

            codes[i] = code;
        }

        var sorted = values.Order(StringComparer.Ordinal).ToArray();
        var rank = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            rank[index[sorted[i]]] = i;
        }

        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = rank[codes[i]];
        }

        return (sorted, codes);
    }
}
