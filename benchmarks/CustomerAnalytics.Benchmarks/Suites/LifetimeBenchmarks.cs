using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Model;
using MathNet.Numerics.Distributions;

namespace CustomerAnalytics.Benchmarks.Suites;

/// <summary>
/// The lifetime models on customers drawn from the models themselves (seed 42): each customer's first purchase in the
/// first 180 days of 2024, purchase rate λ ~ Gamma(0.25, 4) per week, dropout p ~ Beta(0.8, 2.4) after each purchase,
/// spend per purchase ~ Gamma(6, ν), ν ~ Gamma(4, 15). Customers = <c>CA_BENCH_TRANSACTIONS</c> ÷ 2 (about two
/// purchases each; <c>bench --size 2M</c> gives 1M customers). Calibration ends 2024-09-30, holdout to 2024-12-30,
/// weeks. Baseline: the summary alone; <see cref="SummaryFitPredict"/> is the end-to-end figure of the issue.
/// </summary>
[MemoryDiagnoser]
public class LifetimeBenchmarks
{
    private static readonly BtydSummaryOptions Options = BtydSummaryOptions.Default with
    {
        CalibrationEnd = new DateOnly(2024, 9, 30),
        ObservationEnd = new DateOnly(2024, 12, 30),
    };

    private EnrichedDataset _dataset = null!;
    private BtydSummary _summary = null!;
    private BgNbdModel _purchases = null!;
    private GammaGammaModel _spend = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dataset = Generate(Math.Max(1_000, BenchData.Transactions / 2));
        _summary = BtydSummary.Create(_dataset, Options);
        _purchases = BgNbdModel.Fit(_summary);
        _spend = GammaGammaModel.Fit(_summary);
    }

    [Benchmark(Baseline = true)]
    public BtydSummary Summary() => BtydSummary.Create(_dataset, Options);

    /// <summary>Summary, BG/NBD fit, P(alive) and expected purchases in the next 13 weeks for every customer.</summary>
    [Benchmark]
    public ImmutableArray<double> SummaryFitPredict()
    {
        var summary = BtydSummary.Create(_dataset, Options);
        var model = BgNbdModel.Fit(summary);
        _ = model.ProbabilityAlive(summary);
        return model.ConditionalExpectedPurchases(summary, 13);
    }

    [Benchmark]
    public GammaGammaModel GammaGammaFit() => GammaGammaModel.Fit(_summary);

    [Benchmark]
    public ClvResult Clv() => ClvCalculator.Compute(_summary, _purchases, _spend);

    private static EnrichedDataset Generate(int customers)
    {
        var random = new Random(42);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var builder = new EnrichedDatasetBuilder().AddProduct(new Product("P", "X"));
        long line = 0;
        for (var c = 0; c < customers; c++)
        {
            var id = "C" + c.ToString(CultureInfo.InvariantCulture);
            builder.AddCustomer(new Customer(id, "S"));
            var perDay = Gamma.Sample(random, 0.25, 4.0) / 7.0;
            var dropout = Beta.Sample(random, 0.8, 2.4);
            var nu = Gamma.Sample(random, 4, 15);
            var day = random.NextDouble() * 180;
            for (var k = 0; k < 200 && day < 365; k++)
            {
                var spend = Math.Round((decimal)Gamma.Sample(random, 6, nu), 2) + 0.01m;
                builder.AddTransaction(new Transaction((++line).ToString(CultureInfo.InvariantCulture), id, "P", 1, start.AddDays(Math.Floor(day)), LineTotal: spend));
                if (random.NextDouble() < dropout || perDay <= 0)
                {
                    break;
                }

                day += -Math.Log(1 - random.NextDouble()) / perDay;
            }
        }

        return builder.Build();
    }
}
