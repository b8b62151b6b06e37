namespace CustomerAnalytics.Benchmarks.Generation;

/// <summary>
/// A deterministic, seeded generator of customers, products and transactions with a realistic shape: Zipf-like
/// product popularity (s = 1), heavy-tailed customer activity (repeat buyers, and customers who never buy), segments
/// and categories of uneven size, segment preferences for categories, two years of timestamps (2024–2025) with a
/// year-end peak and growth, multi-line orders (1–6 distinct products), quantities of mostly 1, and returns (about
/// 3% of orders are followed by a return line within 30 days). The same options give byte-identical files, and both
/// <see cref="IdStyle"/>s give the same figures (only the ids' text and the customer file's row order differ).
/// Streamed: rows are written as they are drawn, so memory grows with the customers and products (a few tens of bytes
/// each), never with the transactions.
/// </summary>
/// <remarks>
/// Files: <c>customers</c> (<c>customer_id,segment,signup_date</c>), <c>products</c> (<c>product_id,category,price</c>)
/// and <c>transactions</c> (<c>txn_id,order_id,customer_id,product_id,qty,ts</c>), each as <c>.csv</c>, <c>.json</c>
/// and/or <c>.jsonl</c>. Prices have two decimals; every transaction uses its product's list price.
/// </remarks>
internal static class DataGenerator
{
    /// <summary>Segments and their share of customers.</summary>
    internal static readonly (string Name, double Weight)[] Segments =
    [
        ("Consumer", 0.52), ("Small Business", 0.24), ("Corporate", 0.14), ("Home Office", 0.07), ("Enterprise", 0.03),
    ];

    /// <summary>Categories, their share of products, and their typical price.</summary>
    internal static readonly (string Name, double Weight, double BasePrice)[] Categories =
    [
        ("Electronics", 0.20, 150), ("Books", 0.16, 18), ("Clothing", 0.12, 30), ("Home", 0.10, 45),
        ("Software", 0.09, 60), ("Accessories", 0.08, 25), ("Sports", 0.07, 40), ("Toys", 0.06, 22),
        ("Beauty", 0.05, 15), ("Garden", 0.03, 35), ("Grocery", 0.025, 6), ("Office", 0.015, 12),
    ];

    /// <summary>Each segment's favourite category (index into <see cref="Categories"/>), drawn from a quarter of the time.</summary>
    private static readonly int[] FavouriteCategory = [2, 4, 0, 11, 4];

    private const double FavouriteShare = 0.25;
    private const double ReturnShare = 0.03;
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Writes the files and returns their paths.</summary>
    public static IReadOnlyList<string> Generate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Directory.CreateDirectory(options.OutputDirectory);
        var formats = new[] { OutputFormats.Csv, OutputFormats.Json, OutputFormats.JsonLines }.Where(f => options.Formats.HasFlag(f)).ToArray();
        var written = new List<string>();
        foreach (var format in formats)
        {
            // Every format is generated from the same seed, so the tables are identical across formats.
            written.AddRange(Write(options, format));
        }

        return written;
    }

    private static List<string> Write(GeneratorOptions options, OutputFormats format)
    {
        var random = new Xoshiro(options.Seed);
        var ids = new IdWriter(options.Ids, options.Seed, options.Customers);
        var ext = TableWriter.Extension(format);
        var paths = new List<string>();
        string PathOf(string table)
        {
            var path = Path.Combine(options.OutputDirectory, table + ext);
            paths.Add(path);
            return path;
        }

        // Customers: segment, signup date, and an activity weight (Pareto, α = 1.2, capped): a few buy often.
        var segmentTable = new AliasTable(Segments.Select(s => s.Weight).ToArray());
        var segmentOfCustomer = new byte[options.Customers];
        var activity = new double[options.Customers];
        var signupOfCustomer = new int[options.Customers];
        var early = DateOnly.FromDateTime(new DateTime(2021, 1, 1));
        var dataStart = DateOnly.FromDateTime(Start);
        for (var c = 0; c < options.Customers; c++)
        {
            var segment = segmentTable.Sample(random);
            segmentOfCustomer[c] = (byte)segment;
            activity[c] = Math.Min(200, Math.Pow(1 - random.NextDouble(), -1 / 1.2));

            // Most signed up before the data starts; some during it (a few of their purchases come earlier).
            signupOfCustomer[c] = random.NextDouble() < 0.85
                ? early.DayNumber + random.Next(dataStart.DayNumber - early.DayNumber)
                : dataStart.DayNumber + random.Next(700);
        }

        using (var customers = new TableWriter(PathOf("customers"), format, "customer_id", "segment", "signup_date"))
        {
            foreach (var c in CustomerFileOrder(options))
            {
                customers.BeginRow();
                ids.Customer(customers, c);
                customers.Text(Segments[segmentOfCustomer[c]].Name);
                customers.Date(DateOnly.FromDayNumber(signupOfCustomer[c]));
                customers.EndRow();
            }
        }

        // Products: category, a log-normal price around the category's typical price, and a Zipf popularity rank
        // independent of the id.
        var categoryTable = new AliasTable(Categories.Select(c => c.Weight).ToArray());
        var categoryOfProduct = new int[options.Products];
        var rank = Enumerable.Range(0, options.Products).ToArray();
        Shuffle(rank, random);
        var popularity = new double[options.Products];
        using (var products = new TableWriter(PathOf("products"), format, "product_id", "category", "price"))
        {
            for (var p = 0; p < options.Products; p++)
            {
                var category = categoryTable.Sample(random);
                categoryOfProduct[p] = category;
                popularity[p] = 1.0 / (rank[p] + 1);
                var price = Categories[category].BasePrice * Math.Exp(0.6 * Gaussian(random));
                var cents = Math.Max(99, (long)Math.Round(price * 100));
                products.BeginRow();
                ids.Product(products, p);
                products.Text(Categories[category].Name);
                products.Cents(cents);
                products.EndRow();
            }
        }

        var customerTable = new AliasTable(activity);
        var productTable = new AliasTable(popularity);
        var productsOfCategory = new int[Categories.Length][];
        var categoryTables = new AliasTable?[Categories.Length];
        for (var k = 0; k < Categories.Length; k++)
        {
            productsOfCategory[k] = Enumerable.Range(0, options.Products).Where(p => categoryOfProduct[p] == k).ToArray();
            if (productsOfCategory[k].Length > 0)
            {
                categoryTables[k] = new AliasTable(productsOfCategory[k].Select(p => popularity[p]).ToArray());
            }
        }

        using (var transactions = new TableWriter(PathOf("transactions"), format, "txn_id", "order_id", "customer_id", "product_id", "qty", "ts"))
        {
            long txn = 0, order = 0;
            Span<int> lineProducts = stackalloc int[6];
            Span<int> lineQuantities = stackalloc int[6];
            var spanSeconds = (End - Start).Ticks / TimeSpan.TicksPerSecond;
            while (txn < options.Transactions)
            {
                var customer = customerTable.Sample(random);
                var favourite = FavouriteCategory[segmentOfCustomer[customer] % FavouriteCategory.Length];
                var lines = LineCount(random);
                var ts = Timestamp(random, spanSeconds);
                order++;
                var n = 0;
                for (var attempt = 0; attempt < lines * 3 && n < lines; attempt++)
                {
                    var product = random.NextDouble() < FavouriteShare && categoryTables[favourite] is { } table
                        ? productsOfCategory[favourite][table.Sample(random)]
                        : productTable.Sample(random);
                    if (!lineProducts[..n].Contains(product))
                    {
                        lineProducts[n] = product;
                        lineQuantities[n] = Quantity(random);
                        n++;
                    }
                }

                for (var i = 0; i < n && txn < options.Transactions; i++)
                {
                    WriteLine(transactions, ids, ++txn, order, customer, lineProducts[i], lineQuantities[i], ts);
                }

                if (txn < options.Transactions && random.NextDouble() < ReturnShare)
                {
                    var line = random.Next(n);
                    var returned = ts.AddSeconds(random.Next(3600, 30 * 86400));
                    if (returned < End)
                    {
                        WriteLine(transactions, ids, ++txn, ++order, customer, lineProducts[line], -(1 + random.Next(lineQuantities[line])), returned);
                    }
                }
            }
        }

        return paths;
    }

    /// <summary>
    /// The order of the customer file: by id for sequential ids; shuffled (by a generator of its own, so the data's
    /// random stream is untouched) for realistic ones, as real exports are not sorted by a UUID.
    /// </summary>
    private static int[] CustomerFileOrder(GeneratorOptions options)
    {
        var order = new int[options.Customers];
        for (var c = 0; c < order.Length; c++)
        {
            order[c] = c;
        }

        if (options.Ids == IdStyle.Realistic)
        {
            Shuffle(order, new Xoshiro(options.Seed ^ 0x5EED_C057_0E25_F11EUL));
        }

        return order;
    }

    private static void WriteLine(TableWriter writer, IdWriter ids, long txn, long order, int customer, int product, int quantity, DateTime ts)
    {
        writer.BeginRow();
        writer.NumericText(txn);
        ids.Order(writer, order);
        ids.Customer(writer, customer);
        ids.Product(writer, product);
        writer.Number(quantity);
        writer.Timestamp(ts);
        writer.EndRow();
    }

    /// <summary>1 line (55%), 2 (20%), 3 (12%), 4 (7%), 5 (4%), 6 (2%).</summary>
    private static int LineCount(Xoshiro random)
    {
        var u = random.NextDouble();
        return u < 0.55 ? 1 : u < 0.75 ? 2 : u < 0.87 ? 3 : u < 0.94 ? 4 : u < 0.98 ? 5 : 6;
    }

    /// <summary>1 (70%), 2 (18%), 3 (6%), 4–5 (4%), 6–12 (2%).</summary>
    private static int Quantity(Xoshiro random)
    {
        var u = random.NextDouble();
        return u < 0.70 ? 1 : u < 0.88 ? 2 : u < 0.94 ? 3 : u < 0.98 ? random.Next(4, 6) : random.Next(6, 13);
    }

    /// <summary>A second in 2024–2025: 60% busier in November and December, and growing 30% over the two years.</summary>
    private static DateTime Timestamp(Xoshiro random, long spanSeconds)
    {
        while (true)
        {
            var second = (long)(random.NextDouble() * spanSeconds);
            var ts = Start.AddSeconds(second);
            var weight = (ts.Month >= 11 ? 1.6 : 1.0) * (1.0 + (0.3 * second / spanSeconds));
            if (random.NextDouble() * 2.08 < weight)
            {
                return ts;
            }
        }
    }

    private static double Gaussian(Xoshiro random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static void Shuffle(int[] values, Xoshiro random)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
