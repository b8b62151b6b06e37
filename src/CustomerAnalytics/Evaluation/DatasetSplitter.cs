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
    /// <param name="dataset">The dataset.</param>
    /// <param name="testFraction">The share of each customer's products held out, in (0, 1); 0.25 for a 75/25 split.</param>
    /// <param name="seed">The seed of the random choice.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in (0, 1).</exception>
    public static EvaluationSplit RandomPerCustomer(EnrichedDataset dataset, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must lie strictly between 0 and 1, as 0.25 for a 75/25 split.");
        }

        // Customers in index order, each one's products in ascending index order, one generator: reproducible.
        var purchases = CustomerPurchases.Build(dataset, out _);
        var random = new Random(seed);
        var heldOut = new HashSet<long>();
        var buffer = new List<int>();
        for (var customer = 0; customer < dataset.CustomerTable.Length; customer++)
        {
            buffer.Clear();
            buffer.AddRange(purchases.Of(customer));
            var take = (int)Math.Floor(buffer.Count * testFraction);
            for (var i = 0; i < take; i++)
            {
                // A partial Fisher–Yates shuffle: position i gets a random one of the remaining products.
                var j = i + random.Next(buffer.Count - i);
                (buffer[i], buffer[j]) = (buffer[j], buffer[i]);
                heldOut.Add(Key(customer, buffer[i]));
            }
        }

        var customers = dataset.CustomerColumn;
        var products = dataset.ProductColumn;
        var isTest = new bool[customers.Length];
        for (var row = 0; row < customers.Length; row++)
        {
            isTest[row] = heldOut.Contains(Key(customers[row], products[row]));
        }

        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"random per customer: {testFraction:0.###} of each customer's products held out (rounded down), seed {seed}");
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
