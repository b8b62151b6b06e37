using System.Text.RegularExpressions;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Cli.Tests;

/// <summary>
/// Regression (issue 10): the ledger flags (<c>--keep-guest-lines</c>, <c>--allow-negative-prices</c>,
/// <c>--round-money</c>) keep every line of a real ledger (finding 7), and the tool's hints name its flags, suggest
/// <c>--lenient</c> only when it helps and was not given, and never print C# (finding 9).
/// </summary>
public sealed partial class LoadFlagsTests : IDisposable
{
    private const string OnlineRetail = "online-retail/online_retail.csv.gz";
    private const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-cli-flags-");

    [SharedDataFact(OnlineRetail)]
    public async Task Run_OnlineRetailWithLedgerFlags_KeepsAll541909Lines()
    {
        var output = Path.Combine(_folder.FullName, "out");

        var result = await CliRunner.RunAsync(
            "run", "--order-lines", TestPaths.Shared(OnlineRetail.Split('/')), "--preset", "online-retail", "--lenient", "--keep-guest-lines", "--allow-negative-prices", "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertRow(result.Output, "order_lines", "online_retail.csv.gz", "541,909", "541,909", "0");
        AssertRow(result.Output, "Guest lines kept (--keep-guest-lines)", "135,080");
        AssertRow(result.Output, "Negative prices kept as adjustments", "2");
        AssertRow(result.Output, "Transactions kept", "541,909");
        AssertRow(result.Output, "Customers", "4,372");
        Assert.Equal(
            "customers,transactions,orders,units,revenue,average_order_value\n4372,541909,25900,5176450,9747747.934,376.36\n",
            await File.ReadAllTextAsync(Path.Combine(output, "kpi_overall.csv")));
        Assert.False(File.Exists(Path.Combine(output, "rejected_rows.csv")));
    }

    [Fact]
    public async Task Kpis_LineWithoutCustomerStrict_NamesTheFlagsThatHelp()
    {
        var file = Write("retail.csv", Header + "1,P1,Mug,2,2011-01-03 10:00:00,2.50,C1,UK\n2,P1,Mug,1,2011-01-04 10:00:00,-2.50,,UK\n");

        var result = await CliRunner.RunAsync("kpis", "--order-lines", file, "--preset", "online-retail");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"error: 2 problems found while loading '{file}'. Fix them, or add --lenient to keep the good rows and write the bad ones to rejected_rows.csv. "
            + $"{file}(3): error, column 'CustomerID', value '': the customer id is empty; expected a non-empty customer id. A line without a customer cannot be attributed to one (its product still enters the product table), or add --keep-guest-lines to keep such lines under the guest customer, or add --lenient to skip such rows (they are written to rejected_rows.csv). "
            + $"{file}(3): error, column 'UnitPrice', value '-2.50': the price is negative; expected a price of 0 or more. A return is a negative quantity at a positive price, or add --allow-negative-prices to keep a negative unit price as an adjustment, or add --lenient to skip such rows (they are written to rejected_rows.csv).",
            Flat(result.Error));
    }

    [Fact]
    public async Task Kpis_OneBadRowStrict_SuggestsLenientOnce()
    {
        var file = Write("sales.csv", "customer_id,product_id,qty,ts\nC1,P1,two,2024-01-01\n");

        var result = await CliRunner.RunAsync("kpis", "--order-lines", file);

        Assert.Equal(
            $"error: 1 problem found while loading '{file}'. Fix it, or add --lenient to keep the good rows and write the bad ones to rejected_rows.csv. "
            + $"{file}(2): error, column 'qty', value 'two': not a whole number; expected a whole number such as 3, or -1 for a return.",
            Flat(result.Error));
    }

    [Fact]
    public async Task Kpis_MissingColumnLenient_NeitherSuggestsLenientNorPrintsCSharp()
    {
        var file = Write("sales.csv", "customer_id,product_id,ts\nC1,P1,2024-01-01\n");

        var result = await CliRunner.RunAsync("kpis", "--order-lines", file, "--lenient");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"error: 1 problem found while loading '{file}'. "
            + $"{file}(1): error, column 'qty': the required column 'qty' is missing; headers found: 'customer_id', 'product_id', 'ts'; expected a column named qty, quantity or units (any case). Map your header with --map FIELD=HEADER (fields: id, customer, product, quantity, timestamp, price, order, total, segment, category, name, customer-name).",
            Flat(result.Error));
    }

    [Fact]
    public async Task Kpis_TooPreciseAmount_NamesRoundMoneyAndRoundMoneyKeepsIt()
    {
        var file = Write("sales.csv", "customer_id,product_id,qty,ts,sales_value\nC1,P1,1,2024-01-01,4.440892e-16\nC1,P1,1,2024-01-02,2.50\n");

        var strict = await CliRunner.RunAsync("kpis", "--order-lines", file);
        var rounded = await CliRunner.RunAsync("kpis", "--order-lines", file, "--round-money", "2");

        Assert.Contains(
            "Round it in the source, or add --round-money N (0 to 4) to round such amounts half away from zero, or add --lenient to skip such rows (they are written to rejected_rows.csv).",
            Flat(strict.Error),
            StringComparison.Ordinal);
        Assert.True(rounded.ExitCode == 0, rounded.ToString());
        Assert.DoesNotContain("LoadOptions", strict.Error + rounded.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RoundMoneyOutOfRange_IsAUsageError()
    {
        var result = await CliRunner.RunAsync("run", "--data", TestPaths.SampleData, "-o", Path.Combine(_folder.FullName, "o"), "--round-money", "5");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--round-money must be from 0 to 4 (was 5).", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>The text with the console's line wrapping undone (every run of white space one space).</summary>
    private static string Flat(string text) => Spaces().Replace(text, " ").Trim();

    private static void AssertRow(string output, params string[] cells) => CommandTests.AssertRow(output, cells);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
