using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Tests.Infrastructure;

/// <summary>The seed sample as objects, independent of the loaders, so enrichment and KPI tests stand on their own.</summary>
internal static class Seed
{
    public static Customer[] Customers { get; } =
    [
        new("C001", "Consumer", new DateOnly(2024, 1, 10)),
        new("C002", "SMB", new DateOnly(2024, 2, 15)),
        new("C003", "Enterprise", new DateOnly(2024, 2, 20)),
        new("C004", "Consumer", new DateOnly(2024, 3, 5)),
    ];

    public static Product[] Products { get; } =
    [
        new("P100", "Accessories", 19.99m),
        new("P200", "Software", 199.00m),
        new("P300", "Hardware", 499.00m),
        new("P400", "Accessories", 29.99m),
    ];

    public static Transaction[] Transactions { get; } =
    [
        new("1", "C001", "P100", 2, At("2024-03-01T10:00:00Z")),
        new("2", "C001", "P200", 1, At("2024-03-01T10:05:00Z")),
        new("3", "C002", "P300", 1, At("2024-03-02T09:15:00Z")),
        new("4", "C003", "P200", 3, At("2024-03-03T11:30:00Z")),
        new("5", "C004", "P100", 1, At("2024-03-04T12:00:00Z")),
        new("6", "C001", "P400", 2, At("2024-03-05T13:45:00Z")),
        new("7", "C002", "P100", 3, At("2024-03-06T14:10:00Z")),
    ];

    public static EnrichedDataset Dataset(EnrichmentOptions? options = null) =>
        new EnrichedDatasetBuilder(options).AddCustomers(Customers).AddProducts(Products).AddTransactions(Transactions).Build();

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
