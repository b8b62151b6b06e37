using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RecommendationService;
using CustomerAnalytics.Hosting;
using RecommendationService.LoadTest;

// A short load run: the service hosted in this process on 127.0.0.1 (Kestrel, a free port), and many concurrent
// HTTP requests from client tasks in the same process. Both share the machine's cores, so the figures are a floor
// for what a separate client would measure. Every endpoint is warmed up first, then each scenario has its own
// warm-up before its measured period. Exits non-zero if any request fails.
var settings = Settings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine("""
        usage: RecommendationService.LoadTest [--customers N] [--products N] [--transactions N] [--concurrency N]
                                              [--seconds N] [--warmup N] [--scenario recommend|related|mixed|all]
        defaults: 100000 customers, 5000 products, 1000000 transactions, 64 concurrent requests, 10 s after 3 s warm-up, all scenarios
        """);
    return 2;
}

var source = new SyntheticData(settings.Customers, settings.Products, settings.Transactions);
var app = ServiceApp.Create(
    ["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--CustomerAnalytics:MaxCount=100"],
    builder => builder.Services.AddSingleton<IDatasetSource>(source));
var loadStarted = Stopwatch.GetTimestamp();
await app.StartAsync();
var loadSeconds = Stopwatch.GetElapsedTime(loadStarted).TotalSeconds;
var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
Console.WriteLine(FormattableString.Invariant($"service at {address}; {source.Description}; loaded and fitted in {loadSeconds:F1} s"));
Console.WriteLine(FormattableString.Invariant($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {settings.Concurrency} concurrent requests, {settings.Seconds} s per scenario after {settings.Warmup} s warm-up"));
Console.WriteLine();

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };

// Warm every endpoint first (JIT tiers, connection pool), so that the first scenario is not measured cold.
_ = await LoadRun.RunAsync(client, "mixed", settings with { Seconds = 0 });

Console.WriteLine("| scenario | requests | throughput (req/s) | p50 (ms) | p90 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | errors |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
var failures = 0L;
foreach (var scenario in settings.Scenarios)
{
    var result = await LoadRun.RunAsync(client, scenario, settings);
    failures += result.Errors;
    Console.WriteLine(result.ToMarkdownRow());
}

await app.StopAsync();
return failures == 0 ? 0 : 1;

namespace RecommendationService.LoadTest
{
    internal sealed record Settings(int Customers, int Products, int Transactions, int Concurrency, int Seconds, int Warmup, string[] Scenarios)
    {
        public static Settings? Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                values[args[i]] = args[i + 1];
            }

            if (args.Length % 2 != 0 || values.Keys.Any(k => k is not ("--customers" or "--products" or "--transactions" or "--concurrency" or "--seconds" or "--warmup" or "--scenario")))
            {
                return null;
            }

            int Get(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
            var scenario = values.GetValueOrDefault("--scenario", "all");
            string[] scenarios = scenario == "all" ? ["recommend", "related", "mixed"] : [scenario];
            return new Settings(Get("--customers", 100_000), Get("--products", 5_000), Get("--transactions", 1_000_000), Get("--concurrency", 64), Get("--seconds", 10), Get("--warmup", 3), scenarios);
        }
    }
}
