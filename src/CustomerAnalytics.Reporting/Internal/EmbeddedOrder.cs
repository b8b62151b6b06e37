namespace CustomerAnalytics.Reporting.Internal;

/// <summary>
/// One order as the page's JSON carries it (<see cref="InteractiveData"/>): its index, local day (days from the data's
/// first day; the earliest of its lines, as <c>OrderFacts</c> dates an order), customer, and its lines summed per
/// category and per product (first-seen order), revenue in ten-thousandths.
/// </summary>
internal sealed class EmbeddedOrder(int index, int day, int customer)
{
    public int Index { get; } = index;

    public int Day { get; private set; } = day;

    public int Customer { get; } = customer;

    public List<(int Key, long Revenue, long Units)> Categories { get; } = [];

    public List<(int Key, long Revenue, long Units)> Products { get; } = [];

    /// <summary>Adds one line of the order.</summary>
    public void Add(int day, int category, int product, long revenue, long units)
    {
        Day = Math.Min(Day, day);
        Sum(Categories, category, revenue, units);
        Sum(Products, product, revenue, units);
    }

    private static void Sum(List<(int Key, long Revenue, long Units)> lines, int key, long revenue, long units)
    {
        var at = lines.FindIndex(l => l.Key == key);
        if (at < 0)
        {
            lines.Add((key, revenue, units));
        }
        else
        {
            lines[at] = (key, lines[at].Revenue + revenue, lines[at].Units + units);
        }
    }
}
