using System.Diagnostics;
using System.Globalization;

namespace RecommendationService.LoadTest;

/// <summary>One scenario: <see cref="Settings.Concurrency"/> client tasks, each sending its next request as soon as
/// the previous answer is read, for the warm-up and then the measured period.</summary>
internal sealed record LoadRun(string Scenario, long Requests, double Seconds, long Errors, double[] SortedMilliseconds)
{
    public static async Task<LoadRun> RunAsync(HttpClient client, string scenario, Settings settings)
    {
        var warmupEnds = Stopwatch.GetTimestamp() + (settings.Warmup * Stopwatch.Frequency);
        var ends = warmupEnds + (settings.Seconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, settings.Concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var latencies = new List<double>(64 * 1024);
            long errors = 0;
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                if (started >= ends)
                {
                    break;
                }

                var path = PathFor(scenario, random, settings);
                var ok = false;
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                    await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    while (await body.ReadAsync(buffer).ConfigureAwait(false) > 0)
                    {
                    }

                    ok = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                }

                if (started >= warmupEnds)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    errors += ok ? 0 : 1;
                }
            }

            return (latencies, errors);
        })).ToArray();

        var results = await Task.WhenAll(workers).ConfigureAwait(false);
        var all = results.SelectMany(r => r.latencies).ToArray();
        Array.Sort(all);
        return new LoadRun(scenario, all.Length, settings.Seconds, results.Sum(r => r.errors), all);
    }

    public string ToMarkdownRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Scenario} | {Requests:N0} | {Requests / Seconds:N0} | {Percentile(0.50):F2} | {Percentile(0.90):F2} | {Percentile(0.99):F2} | {Percentile(0.999):F2} | {(SortedMilliseconds.Length == 0 ? 0 : SortedMilliseconds[^1]):F1} | {Errors} |");

    private double Percentile(double p) =>
        SortedMilliseconds.Length == 0 ? 0 : SortedMilliseconds[Math.Min(SortedMilliseconds.Length - 1, (int)Math.Ceiling(p * SortedMilliseconds.Length) - 1)];

    private static Uri PathFor(string scenario, Random random, Settings settings)
    {
        var customer = SyntheticData.CustomerId(random.Next(settings.Customers));
        var product = SyntheticData.ProductId(random.Next(settings.Products));
        var kind = scenario switch
        {
            "recommend" => 0,
            "related" => 2,
            _ => random.Next(10) switch { < 6 => 0, < 8 => 1, < 9 => 2, _ => 3 },
        };
        return new Uri(
            kind switch
            {
                0 => $"/customers/{customer}/recommendations?count=10",
                1 => $"/customers/{customer}/recommendations?count=10&strategy=popularity",
                2 => $"/products/{product}/related?count=10",
                _ => "/kpis/summary",
            },
            UriKind.Relative);
    }
}
