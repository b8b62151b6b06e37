using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Lifetime;

/// <summary>
/// A small reader of the CDNOW sample (Fader &amp; Hardie): whitespace-separated <c>master_id sample_id yyyyMMdd cds dollars</c>,
/// no header. Customer = the sample id without leading zeros (as in <c>cdnow_customers_summary.csv</c>); every row is its own order.
/// </summary>
internal static class Cdnow
{
    public const string SamplePath = "cdnow/CDNOW_sample.txt";

    public const string SummaryPath = "cdnow/cdnow_customers_summary.csv";

    private static readonly Lazy<EnrichedDataset> LazySample = new(() => Read(TestPaths.Shared("cdnow", "CDNOW_sample.txt")));

    /// <summary>The sample, read once per test run.</summary>
    public static EnrichedDataset Sample => LazySample.Value;

    public static EnrichedDataset Read(string path)
    {
        var builder = new EnrichedDatasetBuilder().AddProduct(new Product("CD", "Music"));
        var customers = new HashSet<string>(StringComparer.Ordinal);
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var f = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 5)
            {
                continue;
            }

            var id = int.Parse(f[1], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            if (customers.Add(id))
            {
                builder.AddCustomer(new Customer(id, "CDNOW"));
            }

            var date = DateTime.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture);
            builder.AddTransaction(new Transaction(
                line.ToString(CultureInfo.InvariantCulture),
                id,
                "CD",
                int.Parse(f[3], CultureInfo.InvariantCulture),
                new DateTimeOffset(date, TimeSpan.Zero),
                LineTotal: decimal.Parse(f[4], CultureInfo.InvariantCulture)));
        }

        return builder.Build();
    }

    /// <summary>The published summary: id → (frequency, recency, T) in weeks, two decimals.</summary>
    public static Dictionary<string, (int Frequency, double Recency, double T)> PublishedSummary()
    {
        var result = new Dictionary<string, (int, double, double)>(StringComparer.Ordinal);
        foreach (var text in File.ReadLines(TestPaths.Shared("cdnow", "cdnow_customers_summary.csv")).Skip(1))
        {
            var f = text.Split(',');
            result.Add(f[0], (int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture)));
        }

        return result;
    }

    /// <summary>The golden summary: calibration ends 1997-09-30, daily periods, weeks.</summary>
    public static CustomerAnalytics.Lifetime.BtydSummary Summary() =>
        CustomerAnalytics.Lifetime.BtydSummary.Create(Sample, CustomerAnalytics.Lifetime.BtydSummaryOptions.Default with { CalibrationEnd = new DateOnly(1997, 9, 30) });
}
