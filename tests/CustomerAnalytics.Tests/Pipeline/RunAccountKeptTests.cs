using System.Text.Json;
using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Pipeline;
using CustomerAnalytics.Tests.Loading;

namespace CustomerAnalytics.Tests.Pipeline;

/// <summary>
/// Issue 10: the run's account (and <c>manifest.json</c>'s <c>account</c>) carries what each load kept with a warning —
/// guest lines, negative prices kept as adjustments, amounts rounded (the ledger of <see cref="LedgerLinesTests"/>) — so a reader of the manifest sees them.
/// </summary>
public sealed class RunAccountKeptTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ca-account-kept-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Run_LedgerLinesKeptWithWarnings_AccountCountsThemPerInput()
    {
        var run = Run();

        var input = run.Account.Inputs.Single();
        Assert.Equal(("order_lines", 6L, 6L, (long?)6L), (input.Role, input.RowsRead, input.RowsLoaded, input.RowsKept));
        Assert.Equal((3L, 1L, 1L), (input.GuestLines, input.NegativePricesKept, input.MoneyValuesRounded));
        Assert.True(run.Account.AddsUp());
    }

    [Fact]
    public void WriteArtifacts_LedgerLinesKeptWithWarnings_ManifestAccountCarriesThem()
    {
        Run().WriteArtifacts(Path.Combine(_folder, "out"));

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, "out", "manifest.json")));
        var account = JsonSerializer.Serialize(manifest.RootElement.GetProperty("account"));
        Assert.Equal(
            "{\"inputs\":[{\"role\":\"order_lines\",\"name\":\"retail.csv\",\"rows_read\":6,\"rows_loaded\":6,\"rows_rejected\":0,\"rows_kept\":6,\"left_out\":{},\"guest_lines\":3,\"negative_prices_kept\":1,\"money_values_rounded\":1}]"
            + ",\"transactions_joined\":6,\"transactions_kept\":6,\"left_out\":{},\"rows_to_list\":0,\"rows_listed\":0,\"list_limits\":\"LoadOptions.MaxReportedProblems = 100 per input; EnrichmentOptions.MaxListedIssuesPerKind = 100 per reason\"}",
            account);

        using var stream = File.OpenRead(Path.Combine(_folder, "out", "manifest.json"));
        var read = JsonArtifacts.ReadManifest(stream).Account!.Inputs.Single();
        Assert.Equal((3L, 1L, 1L), (read.GuestLines, read.NegativePricesKept, read.MoneyValuesRounded));
    }

    private AnalyticsRun Run()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "retail.csv");
        File.WriteAllText(path, LedgerLinesTests.Lines);
        return AnalyticsPipeline.Run(new PipelineOptions
        {
            OrderLinesPath = path,
            Load = LoadOptions.Default with
            {
                TransactionColumns = TransactionColumns.OnlineRetail,
                KeepGuestLines = true,
                AllowNegativePrices = true,
                MoneyDecimals = 2,
            },
            LifetimeValue = null,
        });
    }
}
