using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Tests.Artifacts;

/// <summary>
/// The large artifacts as the CsvHelper writer (<see cref="ArtifactCsv"/>) wrote them before <see cref="Utf8CsvWriter"/>:
/// the reference the UTF-8 writers' bytes are compared with. Kept as it was; not used by the library.
/// </summary>
internal static class CsvHelperArtifacts
{
    public static void WriteEnrichedEvents(Stream stream, EnrichedDataset dataset)
    {
        using var csv = ArtifactCsv.Create(stream);
        ArtifactCsv.Header(csv, "txn_id", "customer_id", "product_id", "qty", "ts", "category", "price", "segment", "signup_date", "revenue", "order_id");
        for (var row = 0; row < dataset.TransactionCount; row++)
        {
            var t = dataset[row];
            csv.WriteField(t.TransactionId);
            csv.WriteField(t.CustomerId);
            csv.WriteField(t.ProductId);
            csv.WriteField(t.Quantity, default);
            ArtifactCsv.Timestamp(csv, t.Timestamp);
            csv.WriteField(t.Category);
            ArtifactCsv.Money(csv, t.UnitPrice);
            csv.WriteField(t.Segment);
            csv.WriteField(t.SignupDate, ArtifactCsv.DateFormat);
            ArtifactCsv.Money(csv, t.Revenue);
            csv.WriteField(t.OrderId);
            csv.EndRecord();
        }
    }

    public static void WriteGroups(Stream stream, string keyColumn, IEnumerable<GroupKpi> groups)
    {
        using var csv = ArtifactCsv.Create(stream);
        ArtifactCsv.Header(csv, keyColumn, "revenue", "units", "orders", "customers", "transactions");
        foreach (var group in groups)
        {
            csv.WriteField(group.Key);
            ArtifactCsv.Money(csv, group.Revenue);
            csv.WriteField(group.Units, default);
            csv.WriteField(group.Orders, default);
            csv.WriteField(group.Customers, default);
            csv.WriteField(group.Transactions, default);
            csv.EndRecord();
        }
    }

    public static void WriteCustomerRecommendations(Stream stream, string strategy, IEnumerable<CustomerRecommendations> recommendations)
    {
        using var csv = ArtifactCsv.Create(stream);
        ArtifactCsv.Header(csv, "strategy", "customer_id", "rank", "product_id", "score", "reason");
        foreach (var customer in recommendations)
        {
            foreach (var item in customer.Items)
            {
                csv.WriteField(strategy);
                csv.WriteField(customer.CustomerId);
                csv.WriteField(item.Rank, default);
                csv.WriteField(item.ProductId);
                ArtifactCsv.Score(csv, item.Score);
                csv.WriteField(item.Reason);
                csv.EndRecord();
            }
        }
    }

    public static void WriteRfm(Stream stream, RfmResult rfm)
    {
        using var csv = ArtifactCsv.Create(stream);
        ArtifactCsv.Header(csv, "customer_id", "analysis_date", "last_purchase", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "rfm_score", "segment");
        foreach (var c in rfm.Customers)
        {
            csv.WriteField(c.CustomerId);
            csv.WriteField(rfm.AnalysisDate, ArtifactCsv.DateFormat);
            csv.WriteField(c.LastPurchase, ArtifactCsv.DateFormat);
            csv.WriteField(c.Recency, default);
            csv.WriteField(c.Frequency, default);
            ArtifactCsv.Money(csv, c.Monetary);
            csv.WriteField(c.RecencyScore, default);
            csv.WriteField(c.FrequencyScore, default);
            csv.WriteField(c.MonetaryScore, default);
            csv.WriteField(c.Score);
            csv.WriteField(CsvArtifacts.SegmentName(c.Segment));
            csv.EndRecord();
        }
    }

    public static void WriteClv(Stream stream, ClvResult clv)
    {
        using var csv = ArtifactCsv.Create(stream);
        ArtifactCsv.Header(csv, "customer_id", "frequency", "recency", "t", "monetary_value", "p_alive", "expected_purchases", "expected_average_spend", "clv");
        foreach (var c in clv.Customers)
        {
            csv.WriteField(c.CustomerId);
            csv.WriteField(c.Frequency, default);
            ArtifactCsv.Score(csv, c.Recency);
            ArtifactCsv.Score(csv, c.T);
            ArtifactCsv.Money(csv, Math.Round(c.MonetaryValue, 4, MidpointRounding.AwayFromZero));
            ArtifactCsv.Score(csv, c.ProbabilityAlive);
            ArtifactCsv.Score(csv, c.ExpectedPurchases);
            ArtifactCsv.Money(csv, c.ExpectedAverageSpend);
            ArtifactCsv.Money(csv, c.Clv);
            csv.EndRecord();
        }
    }
}
