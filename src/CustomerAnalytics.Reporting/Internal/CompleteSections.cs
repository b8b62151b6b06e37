using System.Collections.Immutable;
using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>
/// The sections that need more than the order figures: lifetime value and P(alive) (from a run's <see cref="ClvResult"/>),
/// the RFM segments' customers, and a sample of recommendations per segment. A section without its data comes back
/// with one line saying why (the writer lists it under "Not shown").
/// </summary>
internal sealed class CompleteSections(Format format)
{
    /// <summary>How many customers the lifetime-value table lists (highest predicted value first).</summary>
    public const int TopCustomers = 20;

    /// <summary>How many customers of each RFM segment the customers table lists (highest spend first).</summary>
    public const int CustomersPerRfmSegment = 5;

    /// <summary>How many customers of each segment the recommendations sample shows, and how many products each.</summary>
    public const int SampleCustomers = 3, SampleProducts = 3;

    /// <summary>Why lifetime value is missing when the page is not built from a pipeline run.</summary>
    public const string NeedsRun = "Lifetime value is computed by the pipeline: build the page with DashboardDocument.FromRun.";

    /// <summary>Why recommendations are missing when the page is not built from a pipeline run.</summary>
    public const string NeedsRunForRecommendations = "Recommendations come from the pipeline's model: build the page with DashboardDocument.FromRun.";

    /// <summary>Predicted lifetime value: its distribution (customers per value band) and the top customers with P(alive).</summary>
    public DashboardSection LifetimeValue(ClvResult? clv, string? note)
    {
        const string Id = "lifetime-value", Title = "Customer lifetime value";
        if (clv is not { Customers.IsDefaultOrEmpty: false })
        {
            return new DashboardSection(Id, Title, note ?? NeedsRun);
        }

        var values = clv.Customers.Select(c => c.Clv).ToArray();
        var bands = ValueBands.Of(values);
        var chart = new DashboardChart(DashboardChartKind.VerticalBars, bands.Labels(format), bands.Counts(values), format.MoneyTitle("Predicted value") + ": customers");
        var top = clv.Customers.OrderByDescending(c => c.Clv).ThenBy(c => c.CustomerId, StringComparer.Ordinal).Take(TopCustomers);
        var table = new DashboardTable(
            [new("Customer"), new("Predicted value", true), new("P(alive)", true), new("Expected purchases", true), new("Repeat purchases", true), new("Mean repeat spend", true)],
            [.. top.Select(c => ImmutableArray.Create(
                c.CustomerId, format.Money(c.Clv), format.Percent(c.ProbabilityAlive), format.Number(c.ExpectedPurchases, 2),
                format.Count(c.Frequency), format.Money(c.MonetaryValue)))]);
        var horizon = clv.Options.Periods.ToString(CultureInfo.InvariantCulture) + " periods of " + clv.Options.PeriodDays.ToString("0.#", CultureInfo.InvariantCulture) + " days";
        var description = $"Discounted expected revenue over {horizon} (BG/NBD and Gamma-Gamma): customers per band of predicted value (the last band open past the 95th percentile), "
            + $"then the {TopCustomers} highest. Total {format.Money(clv.TotalClv)} for {format.Count(clv.Customers.Length)} customers.";
        return new DashboardSection(Id, Title, description, chart, table);
    }

    /// <summary>P(alive): customers per tenth of the probability that they still buy.</summary>
    public DashboardSection ProbabilityAlive(ClvResult? clv, string? note)
    {
        const string Id = "probability-alive", Title = "Probability still active";
        if (clv is not { Customers.IsDefaultOrEmpty: false })
        {
            return new DashboardSection(Id, Title, note ?? NeedsRun);
        }

        var counts = new decimal[10];
        foreach (var customer in clv.Customers)
        {
            counts[Math.Clamp((int)(customer.ProbabilityAlive * 10), 0, 9)]++;
        }

        ImmutableArray<string> labels = [.. Enumerable.Range(0, 10).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i * 10}–{(i + 1) * 10}%"))];
        var mean = clv.Customers.Average(c => c.ProbabilityAlive);
        var chart = new DashboardChart(DashboardChartKind.VerticalBars, labels, [.. counts], "Customers");
        return new DashboardSection(Id, Title, $"Customers by BG/NBD probability of still buying (P(alive)); mean {format.Percent(mean)}.", chart);
    }

    /// <summary>The RFM segments with their customers: the highest-spending <see cref="CustomersPerRfmSegment"/> of each.</summary>
    public DashboardSection RfmCustomers(RfmResult? rfm)
    {
        const string Id = "rfm-customers", Title = "RFM segments and their customers";
        if (rfm is not { Customers.IsDefaultOrEmpty: false })
        {
            return new DashboardSection(Id, Title, StandardSections.NoOrders);
        }

        var groups = rfm.Customers.GroupBy(c => c.Segment).OrderByDescending(g => g.Count()).ThenBy(g => g.Key);
        var rows = groups.SelectMany(g => g.OrderByDescending(c => c.Monetary).ThenBy(c => c.CustomerId, StringComparer.Ordinal).Take(CustomersPerRfmSegment)
            .Select(c => ImmutableArray.Create(
                Format.RfmSegment(g.Key), c.CustomerId, c.Score, Format.Date(c.LastPurchase), format.Count(c.Recency), format.Count(c.Frequency), format.Money(c.Monetary))));
        var table = new DashboardTable(
            [new("Segment"), new("Customer"), new("RFM score"), new("Last purchase"), new("Days since", true), new("Orders", true), new("Spend", true)],
            [.. rows]);
        return new DashboardSection(Id, Title, $"The {CustomersPerRfmSegment} highest-spending customers of each RFM segment, largest segment first.", Table: table);
    }

    /// <summary>A sample of recommendations per customer segment: its <see cref="SampleCustomers"/> highest-spending customers
    /// that have recommendations, with their first <see cref="SampleProducts"/> products.</summary>
    public DashboardSection Recommendations(EnrichedDataset dataset, ImmutableArray<CustomerRecommendations> recommendations, RfmResult? rfm)
    {
        const string Id = "recommendations-by-segment", Title = "Recommendations by segment";
        if (dataset.TransactionCount == 0)
        {
            return new DashboardSection(Id, Title, StandardSections.NoOrders);
        }

        if (recommendations.IsDefault)
        {
            return new DashboardSection(Id, Title, NeedsRunForRecommendations);
        }

        Dictionary<string, decimal> spend = rfm is null ? [] : rfm.Customers.ToDictionary(c => c.CustomerId, c => c.Monetary, StringComparer.Ordinal);
        var withItems = recommendations.Where(r => !r.Items.IsDefaultOrEmpty && dataset.TryGetCustomerIndex(r.CustomerId, out _)).ToList();
        if (withItems.Count == 0)
        {
            return new DashboardSection(Id, Title, "The model recommended nothing to any customer.");
        }

        string SegmentOf(string customerId)
        {
            dataset.TryGetCustomerIndex(customerId, out var index);
            return dataset.Segments[dataset.CustomerSegments[index]];
        }

        var rows = withItems
            .GroupBy(r => SegmentOf(r.CustomerId), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(r => spend.GetValueOrDefault(r.CustomerId)).ThenBy(r => r.CustomerId, StringComparer.Ordinal).Take(SampleCustomers)
                .Select(r => ImmutableArray.Create(
                    g.Key, r.CustomerId, format.Money(spend.GetValueOrDefault(r.CustomerId)), string.Join(", ", r.Items.OrderBy(i => i.Rank).Take(SampleProducts).Select(i => ProductLabel(dataset, i.ProductId))), r.Items.OrderBy(i => i.Rank).First().Reason)));
        var table = new DashboardTable([new("Segment"), new("Customer"), new("Spend", true), new("Recommended products"), new("Why the first")], [.. rows]);
        return new DashboardSection(
            Id, Title, $"For each segment, the model's first {SampleProducts} products for its {SampleCustomers} highest-spending customers.", Table: table);
    }

    /// <summary>A product as the recommendations show it: <c>id · name</c>, or the id when it has no name.</summary>
    public static string ProductLabel(EnrichedDataset dataset, string productId) =>
        dataset.TryGetProductIndex(productId, out var index) && dataset.Products[index].Name is { Length: > 0 } name ? productId + " · " + name : productId;
}
