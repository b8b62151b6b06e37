using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Model;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Artifacts;

/// <summary>
/// The UTF-8 writers of the large artifacts write the bytes the CsvHelper writer (<see cref="CsvHelperArtifacts"/>) and the
/// serializer (<see cref="SerializerRecommendations"/>) wrote.
/// </summary>
public sealed class Utf8CsvWriterTests
{
    /// <summary>Text a spreadsheet or a CSV reader could mistake: separators, quotes, line breaks, formulas, spaces, non-ASCII.</summary>
    private static readonly string[] Awkward =
    [
        "plain", "", " lead", "trail ", " both ", "a,b", "say \"hi\"", "\"", "\"\"", "line\nbreak", "cr\ronly", "crlf\r\nend",
        "=SUM(A1)", "+1", "-5", "@home", "\tTab", "\rCR", "=\"x\",1", "'quoted", "Ünïcødé ✓ 漢字 🎉", "x\u00A0y", "mid=dle", "a\tb",
        "\uD800lone", "end\uDC00", "-", "=", ",", "\n",
    ];

    [Fact]
    public void LargeWriters_Seed_BytesEqualCsvHelper()
    {
        var dataset = Seed.Dataset();
        var summary = BtydSummary.Create(dataset, BtydSummaryOptions.Default with { CalibrationEnd = new DateOnly(2024, 3, 31) });
        var clv = ClvCalculator.Compute(summary, new BgNbdModel(0.2426, 4.4135, 0.7929, 2.4258), new GammaGammaModel(6.25, 3.74, 15.44));
        var recommendations = new SegmentAffinityRecommender().Fit(dataset).RecommendAll(RecommendationRequest.Default with { Count = 5 });

        AssertSameBytes(dataset, recommendations, RfmCalculator.Compute(dataset), clv);
    }

    [Fact]
    public void LargeWriters_AwkwardValues_BytesEqualCsvHelper()
    {
        var dataset = AwkwardDataset();
        var recommendations = dataset.Customers.Select((customer, i) => new CustomerRecommendations(
            customer.Id,
            [.. Awkward.Skip(i % 7).Take(3).Select((text, r) => new Recommendation(text, r + 1, Scores[(i + r) % Scores.Length], Awkward[(i * 3 + r) % Awkward.Length]))]))
            .ToArray();
        var clv = new ClvResult(
            ClvOptions.Default,
            [.. Awkward.Select((id, i) => new CustomerClv(id, i, Scores[i % Scores.Length], i * 1.5, Monies[i % Monies.Length], Scores[(i + 3) % Scores.Length], i / 7.0, Monies[(i + 1) % Monies.Length], Monies[(i + 2) % Monies.Length]))],
            0m,
            0,
            0);

        AssertSameBytes(dataset, recommendations, RfmCalculator.Compute(dataset), clv);
    }

    /// <summary>
    /// Ids kept as numbers (consecutive, sparse, with a prefix and leading zeros, with a prefix that needs the guard or
    /// quotes) and own orders (renamed with <c>~</c> beside a named order of the same id) are written as their text.
    /// </summary>
    [Theory]
    [InlineData("", "", 0, null)]
    [InlineData("", "SO-", 9, "SO-")]
    [InlineData("sparse", "", 6, "")]
    [InlineData("sparse", "=x,\"", 4, "=x,\"")]
    [InlineData("sparse", "-", 3, "-")]
    [InlineData("", "none", 0, null)]
    public void EnrichedEvents_NumericAndPrefixedIds_BytesEqualCsvHelper(string transactions, string orderPrefix, int digits, string? keptPrefix)
    {
        var builder = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("c", "Retail", null))
            .AddProduct(new Product("p", "Books", 2.5m));
        var at = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        for (var i = 0; i < 40; i++)
        {
            var id = transactions == "sparse" ? (i * 1_000_003L) + 7 : i + 1;
            var order = orderPrefix == "none" || i % 5 == 4 ? null
                : digits == 0 ? (i / 2 * 3 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : orderPrefix + (i / 2).ToString("D" + digits, System.Globalization.CultureInfo.InvariantCulture);
            builder.AddTransaction(new Transaction(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "c", "p", 1, at.AddMinutes(i), null, order));
        }

        var dataset = builder.Build();
        Assert.True(dataset.TransactionIdColumn.HasNumbers);
        Assert.Null(dataset.OrderIdCell(0, out var orders, out _));
        Assert.True(orders.HasNumbers);
        Assert.Equal(keptPrefix, orders.Prefix);
        if (orderPrefix == "" && transactions == "")
        {
            // Transaction 10 has no order and order 10 is named (i = 6): its own order is renamed 10~.
            Assert.Contains("10~", Enumerable.Range(0, dataset.OrderCount).Select(dataset.GetOrderId));
        }

        AssertSame(Bytes(s => CsvHelperArtifacts.WriteEnrichedEvents(s, dataset)), Bytes(s => CsvArtifacts.WriteEnrichedEvents(s, dataset)));
    }

    [Fact]
    public void Text_RandomAwkwardFields_BytesEqualCsvHelper()
    {
        var random = new Random(12);
        const string alphabet = "ab ,\"\r\n=+-@\t'é✓\u00A0;|";
        var fields = Enumerable.Range(0, 5000).Select(_ => new string([.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => alphabet[random.Next(alphabet.Length)])])).ToArray();

        AssertSameRecords(fields.Chunk(3), (csv, v) => csv.WriteField(v), (w, v) => w.Text(v));
        AssertSameRecords(fields.Select(f => new[] { f }), (csv, v) => csv.WriteField(v), (w, v) => w.Text(v));
    }

    [Fact]
    public void Text_FieldLargerThanTheBuffer_BytesEqualCsvHelper()
    {
        string[] fields = [new string('x', 200_000), "=" + new string('"', 70_000) + "✓", new string('é', 100_000)];

        AssertSameRecords([fields, fields], (csv, v) => csv.WriteField(v), (w, v) => w.Text(v));
    }

    [Fact]
    public void Money_RandomScalesSignsAndSizes_BytesEqualCsvHelper()
    {
        var random = new Random(7);
        var values = Monies.Concat(Enumerable.Range(0, 20_000).Select(_ =>
        {
            var scale = (byte)random.Next(0, 10);
            var value = new decimal(random.Next(), random.Next(0, 4) == 0 ? random.Next() : 0, random.Next(0, 8) == 0 ? random.Next() : 0, random.Next(2) == 0, scale);
            return value;
        })).Select(v => (decimal?)v).Append(null).ToArray();

        AssertSameRecords(values.Chunk(4), ArtifactCsv.Money, (w, v) => w.Money(v));
    }

    [Fact]
    public void MoneyUnits_RandomAndExtremes_BytesEqualCsvHelperOfTheDecimal()
    {
        var random = new Random(11);
        long[] extremes = [0, 1, -1, 9_999, -10_000, 123_450, long.MaxValue, long.MinValue + 1, CustomerAnalytics.Internal.Money.None];
        var units = extremes.Concat(Enumerable.Range(0, 20_000).Select(_ => random.NextInt64(long.MinValue + 1, long.MaxValue) >> random.Next(0, 63))).ToArray();

        AssertSameRecords(
            units.Chunk(4),
            (csv, u) => ArtifactCsv.Money(csv, u == CustomerAnalytics.Internal.Money.None ? null : CustomerAnalytics.Internal.Money.ToDecimal(u)),
            (w, u) => w.MoneyUnits(u));
    }

    [Fact]
    public void NumbersAndDates_Random_BytesEqualCsvHelper()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 5000).Select(i => (
            Integer: i % 5 == 0 ? long.MinValue + i : random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(0, 63),
            Score: i < Scores.Length ? Scores[i] : BitConverter.Int64BitsToDouble(random.NextInt64()),
            Date: i % 9 == 0 ? (DateOnly?)null : DateOnly.FromDayNumber(random.Next(DateOnly.MaxValue.DayNumber)),
            Time: new DateTimeOffset(DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(random.Next(-1_000_000_000, int.MaxValue)), DateTimeKind.Unspecified), TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1)))))
            .Append((long.MaxValue, double.MaxValue, DateOnly.MinValue, DateTimeOffset.MinValue.ToOffset(TimeSpan.FromHours(14))))
            .Append((0, double.Epsilon, DateOnly.MaxValue, DateTimeOffset.MaxValue.ToOffset(TimeSpan.FromHours(-14))))
            .ToArray();

        var expected = Bytes(s =>
        {
            using var csv = ArtifactCsv.Create(s);
            foreach (var row in rows)
            {
                csv.WriteField(row.Integer, default);
                ArtifactCsv.Score(csv, row.Score);
                csv.WriteField(row.Date, ArtifactCsv.DateFormat);
                ArtifactCsv.Timestamp(csv, row.Time);
                csv.EndRecord();
            }
        });
        var actual = Bytes(s =>
        {
            using var writer = new Utf8CsvWriter(s);
            foreach (var row in rows)
            {
                writer.Integer(row.Integer);
                writer.Score(row.Score);
                writer.Date(row.Date);
                writer.Timestamp(row.Time);
                writer.EndRecord();
            }
        });

        AssertSame(expected, actual);
    }

    private static readonly double[] Scores =
        [0, -0.0, 1, -1, 0.1, 2.5, -0.125, 1.0 / 3, 1e300, -1e-300, double.Epsilon, double.MaxValue, double.MinValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 123456789.123456789, 1e15, 1e16, 0.0001];

    private static readonly decimal[] Monies =
    [
        0m, 0.00m, -0.00m, 1m, -1m, 19.99m, -19.99m, 6.375m, 6.3750m, 0.0001m, -0.0001m, 0.00001m, -0.00004m, -0.00005m, 0.00005m, 1.23456m,
        2.99995m, -2.99995m, 99999999999999.9999m, 100000000000000m, -123456789012345.6789m, 79228162514264337593543950335m,
        -79228162514264337593543950335m, 7.9228162514264337593543950335m, 0.0000000000000000000000000001m, 1234567.5m, 10m, 1e10m,
    ];

    private static EnrichedDataset AwkwardDataset()
    {
        var builder = new EnrichedDatasetBuilder();
        var at = new DateTimeOffset(2024, 3, 1, 23, 30, 15, TimeSpan.FromHours(5.5));
        for (var i = 0; i < Awkward.Length; i++)
        {
            var id = NonEmpty(i);
            builder.AddCustomer(new Customer(id, NonEmpty(i + 5), i % 4 == 0 ? null : new DateOnly(2000 + i, 1 + (i % 12), 1 + (i % 28))));
            builder.AddProduct(new Product(id, NonEmpty(i + 11), Math.Round(Math.Abs(Monies[i % Monies.Length]) % 1_000_000m, 4)));
        }

        for (var i = 0; i < 300; i++)
        {
            var customer = NonEmpty(i);
            var product = NonEmpty(i * 7);
            var quantity = i % 10 == 3 ? -2 : 1 + (i % 5);
            decimal? price = i % 6 == 0 ? Math.Round(Monies[i % Monies.Length] % 1_000_000_000m, 4) : null;
            decimal? total = i % 13 == 0 ? -987654321.2345m * i : null;
            builder.AddTransaction(new Transaction(Awkward[(i * 3) % Awkward.Length] + i, customer, product, quantity, at.AddHours(i * 37), price, Awkward[(i * 5) % Awkward.Length] + (i / 3), total));
        }

        return builder.Build();

        static string NonEmpty(int i) => Awkward[i % Awkward.Length] is { Length: > 0 } text ? text : "empty";
    }

    private static void AssertSameBytes(EnrichedDataset dataset, IReadOnlyList<CustomerRecommendations> recommendations, RfmResult rfm, ClvResult clv)
    {
        Assert.True(dataset.TransactionCount > 0 && rfm.Customers.Length > 0 && recommendations.Count > 0);
        AssertSame(Bytes(s => CsvHelperArtifacts.WriteEnrichedEvents(s, dataset)), Bytes(s => CsvArtifacts.WriteEnrichedEvents(s, dataset)));
        AssertSame(Bytes(s => CsvHelperArtifacts.WriteGroups(s, "customer_id", KpiCalculator.ByCustomer(dataset))), Bytes(s => CsvArtifacts.WriteGroups(s, "customer_id", KpiCalculator.ByCustomer(dataset))));
        AssertSame(Bytes(s => CsvHelperArtifacts.WriteGroups(s, "segment", KpiCalculator.BySegment(dataset))), Bytes(s => CsvArtifacts.WriteGroups(s, "segment", KpiCalculator.BySegment(dataset))));
        AssertSame(Bytes(s => CsvHelperArtifacts.WriteCustomerRecommendations(s, "=strategy", recommendations)), Bytes(s => CsvArtifacts.WriteCustomerRecommendations(s, "=strategy", recommendations)));
        AssertSame(Bytes(s => CsvHelperArtifacts.WriteRfm(s, rfm)), Bytes(s => CsvArtifacts.WriteRfm(s, rfm)));
        AssertSame(Bytes(s => CsvHelperArtifacts.WriteClv(s, clv)), Bytes(s => CsvArtifacts.WriteClv(s, clv)));
        // JSON has no NaN or infinity (both writers throw): the JSON is compared on the finite scores.
        var finite = recommendations.Select(c => c with { Items = [.. c.Items.Select(i => double.IsFinite(i.Score) ? i : i with { Score = -1 })] }).ToArray();
        AssertSame(Bytes(s => SerializerRecommendations.Write(s, "=strategy", finite)), Bytes(s => JsonArtifacts.WriteCustomerRecommendations(s, "=strategy", finite)));
        AssertSame(Bytes(s => SerializerRecommendations.Write(s, "none", [])), Bytes(s => JsonArtifacts.WriteCustomerRecommendations(s, "none", [])));
    }

    private static void AssertSameRecords<T>(IEnumerable<T[]> records, Action<CsvHelper.CsvWriter, T> reference, Action<Utf8CsvWriter, T> ours)
    {
        var list = records.ToList();
        var expected = Bytes(s =>
        {
            using var csv = CsvHelper.CsvWriter.Create(s, ArtifactCsv.Options with { ValidateFieldCount = false }, leaveOpen: true);
            foreach (var record in list)
            {
                Array.ForEach(record, v => reference(csv, v));
                csv.EndRecord();
            }
        });
        var actual = Bytes(s =>
        {
            using var writer = new Utf8CsvWriter(s);
            foreach (var record in list)
            {
                Array.ForEach(record, v => ours(writer, v));
                writer.EndRecord();
            }
        });

        AssertSame(expected, actual);
    }

    /// <summary>Compares as text first (a readable difference), then byte for byte.</summary>
    private static void AssertSame(byte[] expected, byte[] actual)
    {
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }

    private static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
