using System.Collections.Immutable;
using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Evaluation;

/// <summary>
/// Splits a dataset into training rows and held-out rows, and derives the truth from the held-out rows. Every split is
/// deterministic: the same dataset (and seed) gives the same split.
/// </summary>
/// <remarks>
/// The truth is each (customer, product) with at least one positive-quantity line in the held-out rows; see
/// <see cref="EvaluationSplit"/> and <c>docs/evaluation.md</c>.
/// </remarks>
public static class DatasetSplitter
{
    /// <summary>A global time cut-off: rows before <paramref name="cutoff"/> train, rows at or after it are held out.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="cutoff">The first instant of the test period.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    public static EvaluationSplit ByTime(EnrichedDataset dataset, DateTimeOffset cutoff)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var ticks = dataset.TicksColumn;
        var limit = cutoff.UtcTicks;
        var isTest = new bool[ticks.Length];
        for (var row = 0; row < ticks.Length; row++)
        {
            isTest[row] = ticks[row] >= limit;
        }

        var description = "time cut-off " + cutoff.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            + ": train on rows before it, test on rows from it on";
        return Make(dataset, isTest, description);
    }

    /// <summary>
    /// Leave-last-order-out: each customer's last order (the one with the latest line; equal times: the greater order id,
    /// ordinal) is held out, the rest trains. A customer with a single order keeps it in training.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    public static EvaluationSplit LeaveLastOrderOut(EnrichedDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var customers = dataset.CustomerColumn;
        var orders = dataset.OrderColumn;
        var ticks = dataset.TicksColumn;

        // The latest line of each order, then per customer the last order and how many orders it has.
        var orderTime = new long[dataset.OrderCount];
        Array.Fill(orderTime, long.MinValue);
        var orderCustomer = new int[dataset.OrderCount];
        for (var row = 0; row < customers.Length; row++)
        {
            orderTime[orders[row]] = Math.Max(orderTime[orders[row]], ticks[row]);
            orderCustomer[orders[row]] = customers[row];
        }

        var lastOrder = new int[dataset.CustomerTable.Length];
        var orderCount = new int[dataset.CustomerTable.Length];
        Array.Fill(lastOrder, -1);
        for (var order = 0; order < orderTime.Length; order++)
        {
            if (orderTime[order] == long.MinValue)
            {
                continue;
            }

            var customer = orderCustomer[order];
            orderCount[customer]++;
            var last = lastOrder[customer];
            if (last < 0 || orderTime[order] > orderTime[last]
                || (orderTime[order] == orderTime[last] && string.CompareOrdinal(dataset.GetOrderId(order), dataset.GetOrderId(last)) > 0))
            {
                lastOrder[customer] = order;
            }
        }

        var isTest = new bool[customers.Length];
        for (var row = 0; row < customers.Length; row++)
        {
            var customer = customers[row];
            isTest[row] = orderCount[customer] > 1 && orders[row] == lastOrder[customer];
        }

        return Make(dataset, isTest, "leave last order out: each customer's last order is held out (customers with one order train only)");
    }

    /// <summary>
    /// A seeded random split per customer: of each customer's distinct bought products, ⌊n × <paramref name="testFraction"/>⌋
    /// chosen at random are held out (all of the customer's lines of them), the rest trains.
    /// </summary>
    /// <remarks>
    /// Kept as it was for comparability with earlier results. It rounds the held-out count down, so a customer with a
    /// single product always trains; Microsoft Recommenders' <c>python_stratified_split</c> rounds the training count
    /// down instead and holds out the rest, which <see cref="StratifiedPerCustomer"/> reproduces.
    /// </remarks>
    /// <param name="dataset">The dataset.</param>
    /// <param name="testFraction">The share of each customer's products held out, in (0, 1); 0.25 for a 75/25 split.</param>
    /// <param name="seed">The seed of the random choice.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in (0, 1).</exception>
    public static EvaluationSplit RandomPerCustomer(EnrichedDataset dataset, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        CheckFraction(testFraction);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"random per customer: {testFraction:0.###} of each customer's products held out (rounded down), seed {seed}");
        return HoldOutProducts(dataset, seed, n => (int)Math.Floor(n * testFraction), description);
    }

    /// <summary>
    /// Microsoft Recommenders' <c>python_stratified_split</c> per customer, seeded: each customer's n distinct bought
    /// products are put in a random order and the k-th (1-based) trains while k ÷ n ≤ 1 − <paramref name="testFraction"/>;
    /// the rest, with all of the customer's lines of them, is held out.
    /// </summary>
    /// <remarks>
    /// The training count is thus ⌊(1 − f) · n⌋ (compared in floating point as Recommenders does) and the held-out count
    /// n minus it: at f = 0.25 a customer with 1 product holds it out, one with 2, 3 or 4 holds out 1, one with 5 holds out 2.
    /// The random order comes from <c>new Random(seed)</c>, not NumPy's generator, so the counts match Recommenders' and the
    /// chosen products do not.
    /// </remarks>
    /// <param name="dataset">The dataset.</param>
    /// <param name="testFraction">The share held out, in (0, 1); 0.25 is Recommenders' <c>ratio=0.75</c>.</param>
    /// <param name="seed">The seed of the random order.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in (0, 1).</exception>
    public static EvaluationSplit StratifiedPerCustomer(EnrichedDataset dataset, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        CheckFraction(testFraction);
        var ratio = 1 - testFraction;
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"stratified per customer (as Recommenders' python_stratified_split, ratio {ratio:0.###}): each customer's products in a random order, the first ⌊{ratio:0.###} × n⌋ train, the rest are held out, seed {seed}");
        return HoldOutProducts(dataset, seed, n => n - TrainCount(n, ratio), description);
    }

    /// <summary>
    /// Microsoft Recommenders' <c>python_chrono_split</c> per customer: each customer's n lines in time order (equal times
    /// keep the dataset's row order); the k-th (1-based) trains while k ÷ n ≤ 1 − <paramref name="testFraction"/>, the
    /// later ones are held out: the last share of each customer's history.
    /// </summary>
    /// <remarks>
    /// The unit is the line, as Recommenders' unit is the row: the training count is ⌊(1 − f) · n⌋ and a customer with one
    /// line holds it out. Lines of one order share a time and may fall on both sides. A product bought in both parts is
    /// in <see cref="EvaluationSplit.Truth"/> but not in <see cref="EvaluationSplit.NewProductTruth"/>.
    /// </remarks>
    /// <param name="dataset">The dataset.</param>
    /// <param name="testFraction">The share of each customer's lines held out, in (0, 1); 0.25 is Recommenders' <c>ratio=0.75</c>.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in (0, 1).</exception>
    public static EvaluationSplit ChronologicalPerCustomer(EnrichedDataset dataset, double testFraction)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        CheckFraction(testFraction);
        var ratio = 1 - testFraction;
        var ticks = dataset.TicksColumn;
        var groups = Internal.RowGroups.By(dataset.CustomerColumn, dataset.CustomerTable.Length);
        var isTest = new bool[ticks.Length];
        Comparison<int> byTime = (x, y) => ticks[x] != ticks[y] ? ticks[x].CompareTo(ticks[y]) : x.CompareTo(y);
        for (var customer = 0; customer < dataset.CustomerTable.Length; customer++)
        {
            // By time, then by row: equal times keep the dataset's row order.
            var rows = groups.MutableOf(customer);
            rows.Sort(byTime);
            for (var i = TrainCount(rows.Length, ratio); i < rows.Length; i++)
            {
                isTest[rows[i]] = true;
            }
        }

        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"chronological per customer (as Recommenders' python_chrono_split, ratio {ratio:0.###}): each customer's lines in time order, the first ⌊{ratio:0.###} × n⌋ train, the later ones are held out");
        return Make(dataset, isTest, description);
    }

    /// <summary>How many of n ranked items Recommenders' stratified splitters train on: the k with k ÷ n ≤ ratio.</summary>
    internal static int TrainCount(int n, double ratio)
    {
        var k = 0;
        while (k < n && (double)(k + 1) / n <= ratio)
        {
            k++;
        }

        return k;
    }

    private static void CheckFraction(double testFraction)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must lie strictly between 0 and 1, as 0.25 for a 75/25 split.");
        }
    }

    /// <summary>
    /// Holds out, per customer in index order, <paramref name="heldOut"/>(n) of its n distinct bought products (ascending
    /// index) chosen by a partial Fisher–Yates shuffle with one <c>new Random(seed)</c>, with all its lines of them.
    /// </summary>
    private static EvaluationSplit HoldOutProducts(EnrichedDataset dataset, int seed, Func<int, int> heldOut, string description)
    {
        var purchases = CustomerPurchases.Build(dataset, out _);
        var random = new Random(seed);
        var chosen = new HashSet<long>();
        var buffer = new List<int>();
        for (var customer = 0; customer < dataset.CustomerTable.Length; customer++)
        {
            buffer.Clear();
            buffer.AddRange(purchases.Of(customer));
            var take = heldOut(buffer.Count);
            for (var i = 0; i < take; i++)
            {
                // Position i gets a random one of the remaining products.
                var j = i + random.Next(buffer.Count - i);
                (buffer[i], buffer[j]) = (buffer[j], buffer[i]);
                chosen.Add(Key(customer, buffer[i]));
            }
        }

        var customers = dataset.CustomerColumn;
        var products = dataset.ProductColumn;
        var isTest = new bool[customers.Length];
        for (var row = 0; row < customers.Length; row++)
        {
            isTest[row] = chosen.Contains(Key(customers[row], products[row]));
        }

        return Make(dataset, isTest, description);
    }

    private static long Key(int customer, int product) => ((long)customer << 32) | (uint)product;

    private static EvaluationSplit Make(EnrichedDataset dataset, bool[] isTest, string description)
    {
        var trainRows = new List<int>(isTest.Length);
        var testRows = new List<int>();
        for (var row = 0; row < isTest.Length; row++)
        {
            (isTest[row] ? testRows : trainRows).Add(row);
        }

        var train = dataset.SelectRows(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(trainRows));
        var test = dataset.SelectRows(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(testRows));
        var bought = CustomerPurchases.Build(test, out _);
        var before = CustomerPurchases.Build(train, out _);
        var truth = ImmutableArray.CreateBuilder<RelevantItem>();
        var newTruth = ImmutableArray.CreateBuilder<RelevantItem>();
        for (var customer = 0; customer < dataset.CustomerTable.Length; customer++)
        {
            // The guest (lines without a customer) is recommended nothing, so it has no truth to be measured against.
            if (dataset.IsGuest(customer))
            {
                continue;
            }

            var earlier = before.Of(customer);
            foreach (var product in bought.Of(customer))
            {
                var item = new RelevantItem(dataset.CustomerTable[customer].Id, dataset.ProductTable[product].Id);
                truth.Add(item);
                if (earlier.BinarySearch(product) < 0)
                {
                    newTruth.Add(item);
                }
            }
        }

        return new EvaluationSplit
        {
            Description = description,
            Train = train,
            Test = test,
            Truth = truth.ToImmutable(),
            NewProductTruth = newTruth.ToImmutable(),
        };
    }
}
