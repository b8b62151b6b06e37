using System.Globalization;
using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Model;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Artifacts;

public sealed class CsvArtifactsTests
{
    [Fact]
    public void WriteEnrichedEvents_Seed_MatchesApproved()
    {
        var text = Approved.Capture(s => CsvArtifacts.WriteEnrichedEvents(s, Seed.Dataset()));

        Approved.Verify("seed/events_enriched.csv", text);
    }

    [Fact]
    public void WriteEnrichedEvents_Seed_AgreesWithOriginalToTheCent()
    {
        var ours = ParseCsv(Approved.Capture(s => CsvArtifacts.WriteEnrichedEvents(s, Seed.Dataset())));
        var original = ParseCsv(File.ReadAllText(OriginalOutput("events_enriched.csv")));

        Assert.Equal(original.Count, ours.Count);
        for (var i = 0; i < original.Count; i++)
        {
            foreach (var column in new[] { "txn_id", "customer_id", "product_id", "category", "segment", "signup_date" })
            {
                Assert.Equal(original[i][column], ours[i][column]);
            }

            foreach (var column in new[] { "qty", "price", "revenue" })
            {
                Assert.Equal(decimal.Parse(original[i][column], CultureInfo.InvariantCulture), decimal.Parse(ours[i][column], CultureInfo.InvariantCulture));
            }

            Assert.Equal(
                DateTimeOffset.Parse(original[i]["ts"], CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(ours[i]["ts"], CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("kpi_by_segment.csv")]
    [InlineData("kpi_by_category.csv")]
    [InlineData("top_products.csv")]
    public void GroupArtifacts_Seed_AgreeWithOriginalToTheCent(string file)
    {
        var dataset = Seed.Dataset();
        var text = file switch
        {
            "kpi_by_segment.csv" => Approved.Capture(s => CsvArtifacts.WriteGroups(s, "segment", KpiCalculator.BySegment(dataset))),
            "kpi_by_category.csv" => Approved.Capture(s => CsvArtifacts.WriteGroups(s, "category", KpiCalculator.ByCategory(dataset))),
            _ => Approved.Capture(s => CsvArtifacts.WriteProducts(s, KpiCalculator.TopProducts(dataset, 10))),
        };
        var ours = ParseCsv(text);
        var original = ParseCsv(File.ReadAllText(OriginalOutput(file)));

        Assert.Equal(original.Count, ours.Count);
        for (var i = 0; i < original.Count; i++)
        {
            foreach (var (column, value) in original[i])
            {
                if (column == "revenue")
                {
                    Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), decimal.Parse(ours[i][column], CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.Equal(value, ours[i][column]);
                }
            }
        }

        Approved.Verify("seed/" + file, text);
    }

    [Fact]
    public void WriteOverall_Seed_MatchesApproved()
    {
        var text = Approved.Capture(s => CsvArtifacts.WriteOverall(s, KpiCalculator.Overall(Seed.Dataset())));

        Assert.Equal("customers,transactions,orders,units,revenue,average_order_value\n4,7,7,13,1474.92,210.70\n", text);
    }

    [Fact]
    public void WriteCustomerRecommendations_EscapesFormulasAndQuotes()
    {
        var recommendations = new[]
        {
            new CustomerRecommendations("=HYPERLINK(\"x\")", [new Recommendation("P,1", 1, 2.5, "because you bought \"-5\" units"), new Recommendation("+P2", 2, -0.125, "@home")]),
        };

        var text = Approved.Capture(s => CsvArtifacts.WriteCustomerRecommendations(s, "test", recommendations));

        Assert.Equal(
            "strategy,customer_id,rank,product_id,score,reason\n"
            + "test,\"'=HYPERLINK(\"\"x\"\")\",1,\"P,1\",2.5,\"because you bought \"\"-5\"\" units\"\n"
            + "test,\"'=HYPERLINK(\"\"x\"\")\",2,\"'+P2\",-0.125,\"'@home\"\n",
            text);
    }

    [Fact]
    public void WriteRejectedRows_EnrichmentIssue_NamesColumnValueAndHint()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddProduct(new Product("P1", "X", 1m))
            .AddTransaction(new Transaction("9", "C404", "P1", 1, Seed.At("2024-01-01T00:00:00Z")))
            .Build();
        var rows = dataset.Report.Issues.Where(i => i.Rejected).Select(RejectedRow.FromIssue);

        var text = Approved.Capture(s => CsvArtifacts.WriteRejectedRows(s, rows));

        Assert.Equal(
            "stage,source,line,column,value,problem,expected,hint\n"
            + "enrich,,,customer_id,C404,\"Transaction '9' names customer 'C404', which is not among the customers.\",a customer id present in the customers file,Set EnrichmentOptions.UnknownCustomers = KeepAsUnknown to keep such lines under an 'Unknown' segment.\n",
            text);
    }

    [Fact]
    public void WriteEnrichedEvents_SameInputTwice_ByteIdentical()
    {
        var first = Approved.Capture(s => CsvArtifacts.WriteEnrichedEvents(s, Seed.Dataset()));
        var second = Approved.Capture(s => CsvArtifacts.WriteEnrichedEvents(s, Seed.Dataset()));

        Assert.Equal(first, second);
    }

    /// <summary>A minimal CSV reader for the small, unquoted comparison files.</summary>
    /// <summary>
    /// An output of the original Python demo on the seed sample (a copy of <c>../shared/seed/expected-from-original</c>,
    /// kept with the tests so they need nothing beside the repository).
    /// </summary>
    private static string OriginalOutput(string file) =>
        Path.Combine(TestPaths.RepositoryRoot, "tests", "CustomerAnalytics.Tests", "Approved", "seed-original", file);

    private static List<Dictionary<string, string>> ParseCsv(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line => header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }
}
