using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-cli-");

    private static string Data => TestPaths.SampleData;

    [Fact]
    public async Task Help_ListsCommandsAndExamples()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var text in new[] { "USAGE:", "EXAMPLES:", "run --data samples/data --output out", "run ", "kpis ", "recommend ", "related ", "evaluate " })
        {
            Assert.Contains(text, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_PrintsTheToolVersion()
    {
        var result = await CliRunner.RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0.1.0\n", result.Output);
    }

    [Fact]
    public async Task RunHelp_ShowsOptionsAndExamples()
    {
        var result = await CliRunner.RunAsync("run", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--order-lines <FILE>", result.Output, StringComparison.Ordinal);
        Assert.Contains("--lenient", result.Output, StringComparison.Ordinal);
        Assert.Contains("run --order-lines online_retail.csv.gz --preset online-retail --lenient --output out/retail", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Seed_WritesEveryArtifactAndTheDashboard()
    {
        var output = Path.Combine(_folder.FullName, "out");

        var result = await CliRunner.RunAsync("run", "--data", Data, "--output", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        // Every file the manifest lists (the dashboard too: it is part of the run's set) and the manifest itself — and nothing else.
        var manifest = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "manifest.json")));
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!);
        Assert.Contains("dashboard.html", listed);
        Assert.Equal(
            listed.Append("manifest.json").Order(StringComparer.Ordinal),
            Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Contains("recommendations/by_customer.json", listed);
        Assert.Contains("kpi_by_segment.csv", listed);
        Assert.Contains("kpi_by_period.csv", listed);
        Assert.Contains("cohorts.csv", listed);
        Assert.Contains("rfm_segments.csv", listed);
        Assert.Equal("customers,transactions,orders,units,revenue,average_order_value\n4,7,7,13,1474.92,210.70\n", await File.ReadAllTextAsync(Path.Combine(output, "kpi_overall.csv")));
        Assert.Contains("<div class=\"card-value\">1,474.92</div>", await File.ReadAllTextAsync(Path.Combine(output, "dashboard.html")), StringComparison.Ordinal);
        Assert.Contains("item-cooccurrence,C002,1,P200,796,\"top seller: 4 units, 796.00 revenue\"\nitem-cooccurrence,C002,2,P400,59.98,", await File.ReadAllTextAsync(Path.Combine(output, "recommendations", "by_customer.csv")), StringComparison.Ordinal);
        Assert.Contains("✓ load:", result.Output, StringComparison.Ordinal);
        AssertRow(result.Output, "Revenue", "1,474.92");
        Assert.Contains("Artifacts written to " + output, result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Run_QuietWithStrategyAndCount_NoOutputAndThoseRecommendations()
    {
        var output = Path.Combine(_folder.FullName, "quiet");

        var result = await CliRunner.RunAsync("run", "--data", Data, "--output", output, "--quiet", "--strategy", "popularity", "--count", "1", "--no-dashboard");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Empty(result.Error);
        Assert.False(File.Exists(Path.Combine(output, "dashboard.html")));
        var lines = await File.ReadAllLinesAsync(Path.Combine(output, "recommendations", "by_customer.csv"));
        Assert.Equal("popularity,C001,1,P300,499,\"top seller: 1 unit, 499.00 revenue\"", lines[1]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task Run_NoEvents_WritesEverythingButEventsEnriched()
    {
        var output = Path.Combine(_folder.FullName, "no-events");

        var result = await CliRunner.RunAsync("run", "--data", Data, "--output", output, "--quiet", "--no-dashboard", "--no-events");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.False(File.Exists(Path.Combine(output, "events_enriched.csv")));
        Assert.True(File.Exists(Path.Combine(output, "kpi_overall.csv")));
        Assert.Contains("\"events_enriched\": \"skipped\"", await File.ReadAllTextAsync(Path.Combine(output, "manifest.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadValue_Exit1WithFileLineColumnAndRejectedRows()
    {
        var data = CopySeed();
        await ReplaceLineAsync(Path.Combine(data, "transactions.csv"), 3, "2,C001,P200,x,2024-03-01T10:05:00Z");
        var output = Path.Combine(_folder.FullName, "out");

        var result = await CliRunner.RunAsync("run", "--data", data, "--output", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Path.Combine(data, "transactions.csv")}(3): error, column 'qty', value 'x': not a whole number", result.Error, StringComparison.Ordinal);
        Assert.Contains("add --lenient to keep the good rows", result.Error, StringComparison.Ordinal);
        Assert.Contains("Rejected rows written to " + Path.Combine(output, "rejected_rows.csv"), result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        var rejected = await File.ReadAllLinesAsync(Path.Combine(output, "rejected_rows.csv"));
        Assert.Equal("stage,source,line,column,value,problem,expected,hint", rejected[0]);
        Assert.StartsWith($"load,{Path.Combine(data, "transactions.csv")},3,qty,x,not a whole number,", rejected[1], StringComparison.Ordinal);
        Assert.Equal(2, rejected.Length);
    }

    [Fact]
    public async Task Run_BadValueLenient_Exit0AndRejectedRowsArtifact()
    {
        var data = CopySeed();
        await ReplaceLineAsync(Path.Combine(data, "transactions.csv"), 3, "2,C001,P200,x,2024-03-01T10:05:00Z");
        var output = Path.Combine(_folder.FullName, "out");

        var result = await CliRunner.RunAsync("run", "--data", data, "--output", output, "--lenient");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertRow(result.Output, "Rows rejected by the loaders", "1");
        AssertRow(result.Output, "Rows listed in rejected_rows.csv", "1");
        AssertRow(result.Output, "Transactions kept", "6");
        Assert.Equal("customers,transactions,orders,units,revenue,average_order_value\n4,6,6,12,1275.92,212.65\n", await File.ReadAllTextAsync(Path.Combine(output, "kpi_overall.csv")));
        Assert.Equal(2, (await File.ReadAllLinesAsync(Path.Combine(output, "rejected_rows.csv"))).Length);
    }

    [Fact]
    public async Task Run_OrdersWhoseLinesWereAllLeftOut_OneOrderAndAverageOrderValue1999()
    {
        // Issue 10, finding 2: orders B and C have only lines the join leaves out (unknown customer, unknown product).
        var data = WriteUnknownReferences();
        var output = Path.Combine(_folder.FullName, "out");

        var result = await CliRunner.RunAsync("run", "--data", data, "--output", output, "--lenient");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertRow(result.Output, "Orders", "1");
        AssertRow(result.Output, "Average order value", "19.99");
        AssertRow(result.Output, "transactions", "transactions.csv", "3", "3", "0", "1", "1 unknown customer, 1 unknown product", "0.0");
        Assert.Contains(
            "The account adds up: 2 entries in rejected_rows.csv for 2 rows rejected or left out (--max-problems 100 per input; 100 per reason).",
            System.Text.RegularExpressions.Regex.Replace(result.Output, @"\s+", " "), // the caption wraps at the table's width
            StringComparison.Ordinal);
        Assert.Equal("customers,transactions,orders,units,revenue,average_order_value\n1,1,1,1,19.99,19.99\n", await File.ReadAllTextAsync(Path.Combine(output, "kpi_overall.csv")));
        var rejected = await File.ReadAllLinesAsync(Path.Combine(output, "rejected_rows.csv"));
        Assert.StartsWith($"enrich,{Path.Combine(data, "transactions.csv")},3,customer_id,CX,", rejected[1], StringComparison.Ordinal);
        Assert.StartsWith($"enrich,{Path.Combine(data, "transactions.csv")},4,product_id,PX,", rejected[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StrictUnknownCustomer_Exit1NamingFileLineAndTheFlags()
    {
        var data = WriteUnknownReferences();

        var result = await CliRunner.RunAsync("run", "--data", data, "--output", Path.Combine(_folder.FullName, "out"));

        AssertUnknownReferenceErrors(result, data);
    }

    [Fact]
    public async Task Run_UnknownCustomersKeep_KeptUnderUnknown()
    {
        var data = WriteUnknownReferences();
        var output = Path.Combine(_folder.FullName, "out");

        var result = await CliRunner.RunAsync("run", "--data", data, "--output", output, "--unknown-customers", "keep", "--unknown-products", "keep", "--lenient");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertRow(result.Output, "Orders", "2");
        AssertRow(result.Output, "transactions", "transactions.csv", "3", "3", "0", "2", "1 missing price", "0.0");
    }

    [Fact]
    public async Task Run_BadJoinPolicy_Exit2()
    {
        var result = await CliRunner.RunAsync("run", "--data", Data, "--output", Path.Combine(_folder.FullName, "out"), "--unknown-customers", "guest");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--unknown-customers and --unknown-products must be one of reject|keep (were 'guest' and 'reject').", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kpis")]
    [InlineData("recommend", "--customer", "C001")]
    [InlineData("related", "--product", "P100")]
    [InlineData("evaluate")]
    public async Task DataCommands_StrictUnknownCustomer_Exit1NamingFileLineAndTheFlags(string command, params string[] more)
    {
        // Issue 10: every command joins as run does, strict by default (they used to leave such lines out without a word).
        var data = WriteUnknownReferences();

        var result = await CliRunner.RunAsync([command, "--data", data, .. more]);

        AssertUnknownReferenceErrors(result, data);
    }

    [Fact]
    public async Task Kpis_UnknownReferencesKeep_KeptUnderUnknown()
    {
        var data = WriteUnknownReferences();

        var result = await CliRunner.RunAsync("kpis", "--data", data, "--unknown-customers", "keep", "--unknown-products", "keep");

        // Strict still: the line of product PX has no price of its own and PX no list price, so it is left out for that.
        Assert.True(result.ExitCode == 0, result.ToString());
        AssertRow(result.Output, "Orders", "2");
        Assert.Contains("│ Unknown ", result.Output, StringComparison.Ordinal);
        Assert.Contains("2 transactions kept, 1 left out", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpis_LenientUnknownReferences_LeftOutAndListed()
    {
        var data = WriteUnknownReferences();
        var rejected = Path.Combine(_folder.FullName, "rejected.csv");

        var result = await CliRunner.RunAsync("kpis", "--data", data, "--lenient", "--rejected", rejected);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertRow(result.Output, "Orders", "1");
        Assert.Contains("1 transactions kept, 2 left out", result.Output, StringComparison.Ordinal);
        Assert.Equal(3, (await File.ReadAllLinesAsync(rejected)).Length);
    }

    [Fact]
    public async Task Kpis_BadJoinPolicy_Exit2()
    {
        var result = await CliRunner.RunAsync("kpis", "--data", Data, "--unknown-products", "drop");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--unknown-customers and --unknown-products must be one of reject|keep (were 'reject' and 'drop').", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingFile_Exit1NamingIt()
    {
        var missing = Path.Combine(_folder.FullName, "nope.csv");

        var result = await CliRunner.RunAsync("run", "--data", Data, "--transactions", missing, "--output", Path.Combine(_folder.FullName, "o"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: File not found: {missing} (the transactions file).\n", result.Error);
    }

    /// <summary>Regression: the tool without arguments printed its help and exited 0, so a script took it for success.</summary>
    [Fact]
    public async Task NoArguments_HelpAndExit2()
    {
        var result = await CliRunner.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("COMMANDS:", result.Output, StringComparison.Ordinal);
        Assert.Equal("error: no command given: name one of the commands listed above.\n", result.Error);
    }

    [Fact]
    public async Task Run_OutputHoldsAnInputFile_Exit2NamingItAndWritesNothing()
    {
        var data = CopySeed();
        var before = Directory.GetFiles(data).Order(StringComparer.Ordinal).ToArray();

        var result = await CliRunner.RunAsync("run", "--data", data, "--output", _folder.FullName);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: --output {_folder.FullName} holds the customers file {Path.Combine(data, "customers.csv")}; run replaces the whole output folder, which would delete it. Choose another folder with -o.\n",
            result.Error);
        Assert.Equal(before, Directory.GetFiles(data).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["data"], Directory.EnumerateFileSystemEntries(_folder.FullName).Select(e => Path.GetFileName(e)).ToArray());
    }

    [Fact]
    public async Task Run_AgainWithoutDashboard_NoStaleDashboardLeft()
    {
        var output = Path.Combine(_folder.FullName, "out");
        Assert.Equal(0, (await CliRunner.RunAsync("run", "--data", Data, "--output", output, "--quiet")).ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "dashboard.html")));

        var result = await CliRunner.RunAsync("run", "--data", Data, "--output", output, "--quiet", "--no-dashboard");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(Path.Combine(output, "dashboard.html")));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_folder.FullName).Select(e => Path.GetFileName(e)).ToArray());
    }

    [Fact]
    public async Task Run_BadValueOverAnEarlierRun_EarlierRunUntouchedAndRejectedRowsBeside()
    {
        var data = CopySeed();
        var output = Path.Combine(_folder.FullName, "out");
        Assert.Equal(0, (await CliRunner.RunAsync("run", "--data", data, "--output", output, "--quiet")).ExitCode);
        var before = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        await ReplaceLineAsync(Path.Combine(data, "transactions.csv"), 3, "2,C001,P200,x,2024-03-01T10:05:00Z");

        var result = await CliRunner.RunAsync("run", "--data", data, "--output", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Rejected rows written to {output}.rejected_rows.csv (the earlier run's artifacts in {output} were left as they were).", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await File.ReadAllLinesAsync(output + ".rejected_rows.csv")).Length);
        Assert.Equal(before, Directory.GetFiles(output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray());
    }

    [Fact]
    public async Task Run_AfterAFailedLoadsListing_ReplacesIt()
    {
        var data = CopySeed();
        var output = Path.Combine(_folder.FullName, "out");
        var transactions = Path.Combine(data, "transactions.csv");
        var good = await File.ReadAllTextAsync(transactions);
        await ReplaceLineAsync(transactions, 3, "2,C001,P200,x,2024-03-01T10:05:00Z");
        Assert.Equal(1, (await CliRunner.RunAsync("run", "--data", data, "--output", output, "--quiet")).ExitCode);
        await File.WriteAllTextAsync(transactions, good);

        var result = await CliRunner.RunAsync("run", "--data", data, "--output", output, "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(Path.Combine(output, "rejected_rows.csv")));
        Assert.True(File.Exists(Path.Combine(output, "manifest.json")));
    }

    [Fact]
    public async Task Run_Currency_DashboardAmountsInThatCurrency()
    {
        var output = Path.Combine(_folder.FullName, "gbp");

        var result = await CliRunner.RunAsync("run", "--data", Data, "--output", output, "--quiet", "--currency", "GBP");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("<div class=\"card-value\">£1,474.92</div>", await File.ReadAllTextAsync(Path.Combine(output, "dashboard.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadCurrency_Exit2NamingTheFlag()
    {
        var result = await CliRunner.RunAsync("run", "--data", Data, "--output", Path.Combine(_folder.FullName, "o"), "--currency", "POUNDSTERLING");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --currency 'POUNDSTERLING' is not a currency: give an ISO 4217 code such as GBP, or a symbol of 1 to 8 characters such as £.\n", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_TruncatedGzip_Exit1NamingTheFile(bool lenient)
    {
        // Regression (issue 10, finding 4): a damaged .gz escaped as InvalidDataException (exit 70, "a bug"), or loaded short.
        var truncated = Path.Combine(_folder.FullName, "transactions.csv.gz");
        using (var output = new MemoryStream())
        {
            using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(await File.ReadAllBytesAsync(Path.Combine(Data, "transactions.csv")));
            }

            await File.WriteAllBytesAsync(truncated, output.ToArray()[..^8]);
        }

        string[] args = ["run", "--data", Data, "--transactions", truncated, "--output", Path.Combine(_folder.FullName, "o"), "--quiet"];
        var result = await CliRunner.RunAsync(lenient ? [.. args, "--lenient"] : args);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{truncated}(", result.Error, StringComparison.Ordinal);
        Assert.Contains("error: the gzip data ends before its end", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutOutput_Exit2()
    {
        var result = await CliRunner.RunAsync("run", "--data", Data);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --output is required: the folder to write the artifacts to.\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpis_Latin1SegmentsWithEncoding_ReadExactly()
    {
        var folder = Directory.CreateTempSubdirectory("ca-cli-encoding").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Data, "*.csv"))
            {
                var text = await File.ReadAllTextAsync(file);
                await File.WriteAllBytesAsync(Path.Combine(folder, Path.GetFileName(file)), System.Text.Encoding.Latin1.GetBytes(text.Replace("SMB", "PMÉ", StringComparison.Ordinal)));
            }

            var result = await CliRunner.RunAsync("kpis", "--data", folder, "--encoding", "latin1");
            var unknown = await CliRunner.RunAsync("kpis", "--data", folder, "--encoding", "klingon");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("│ PMÉ        │  558.97 │", result.Output, StringComparison.Ordinal);
            Assert.Equal(2, unknown.ExitCode);
            Assert.Equal("error: Unknown --encoding 'klingon': use utf-8, latin1, windows-1252, utf-16 or another encoding name or code page.\n", unknown.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Kpis_Seed_TablesWithSeedFigures()
    {
        var result = await CliRunner.RunAsync("kpis", "--data", Data, "--top", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("│ Average order value │   210.70 │", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ SMB        │  558.97 │      2 │         1 │     4 │", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ Accessories │  179.92 │      4 │         3 │     8 │", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ 2 │ P300    │ Hardware │  499.00 │     1 │      1 │      1 │", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("P100", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ transactions (transactions.csv): 7 rows loaded, 0 rejected,", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpis_GzipTransactions_Decompressed()
    {
        var gz = Path.Combine(_folder.FullName, "transactions.csv.gz");
        await using (var target = new System.IO.Compression.GZipStream(File.Create(gz), System.IO.Compression.CompressionLevel.Fastest))
        {
            await using var source = File.OpenRead(TestPaths.SampleTransactions);
            await source.CopyToAsync(target);
        }

        var result = await CliRunner.RunAsync("kpis", "--customers", TestPaths.SampleCustomers, "--products", TestPaths.SampleProducts, "--transactions", gz);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("✓ transactions (transactions.csv.gz): 7 rows loaded, 0 rejected,", result.Output, StringComparison.Ordinal);
        AssertRow(result.Output, "Revenue", "1,474.92");
    }

    [Fact]
    public async Task Kpis_Quiet_NoProgressLines()
    {
        var result = await CliRunner.RunAsync("kpis", "--data", Data, "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("✓", result.Output, StringComparison.Ordinal);
        Assert.Contains("1,474.92", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpis_OrderLinesWithColumnMap_Loads()
    {
        var file = Path.Combine(_folder.FullName, "sales.csv");
        await File.WriteAllTextAsync(file, "client;sku;n;sold_at;each;basket;kind;group\nA;X;2;2024-01-05;1.50;B1;Retail;Toys\nA;Y;1;2024-01-05;10.00;B1;Retail;Games\nB;X;3;2024-02-01;1.50;B2;Trade;Toys\n");

        var result = await CliRunner.RunAsync(
            "kpis", "--order-lines", file, "--separator", ";", "--quiet",
            "--map", "customer=client", "--map", "product=sku", "--map", "quantity=n", "--map", "timestamp=sold_at",
            "--map", "price=each", "--map", "order=basket", "--map", "segment=kind", "--map", "category=group");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertRow(result.Output, "Revenue", "17.50");
        AssertRow(result.Output, "Orders", "2");
        AssertRow(result.Output, "Trade", "4.50", "1", "1", "3");
        AssertRow(result.Output, "Retail", "13.00", "1", "1", "3");
    }

    [Fact]
    public async Task Kpis_BadMap_Exit2()
    {
        var result = await CliRunner.RunAsync("kpis", "--order-lines", "x.csv", "--map", "colour=red");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "error: Invalid --map 'colour=red': expected [FILE.]FIELD=COLUMN with FILE customers (fields id, name, segment, signup), products (fields category, id, name, price) "
            + "or transactions, the default, also for --order-lines (fields category, customer, customer-name, id, name, order, price, product, quantity, segment, timestamp, total).",
            System.Text.RegularExpressions.Regex.Replace(result.Error, @"\s+", " ").Trim());
    }

    [Fact]
    public async Task Kpis_OrderLinesAndData_Exit2()
    {
        var result = await CliRunner.RunAsync("kpis", "--order-lines", "x.csv", "--data", Data);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: Give either --order-lines or the three files", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpis_NoData_Exit2()
    {
        var result = await CliRunner.RunAsync("kpis");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: No data given: use --data DIR, or --customers, --products and --transactions, or --order-lines FILE (or name them in the --config file).", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_Exit2WithHelpHint()
    {
        var result = await CliRunner.RunAsync("kpis", "--bogus");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: Unknown option 'bogus'.\nRun customer-analytics --help (or customer-analytics COMMAND --help) for the options and examples.\n", result.Error);
    }

    [Fact]
    public async Task Recommend_C004_SegmentAffinityInOrder()
    {
        var result = await CliRunner.RunAsync("recommend", "--data", Data, "--customer", "C004", "--count", "3", "--quiet", "--strategy", "segment-affinity");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Recommendations for C004 (Consumer), segment-affinity", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ 1 │ P200    │ Software    │    199 │ top seller in your segment's favourite category, Software", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ 2 │ P400    │ Accessories │ 119.95 │", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ 3 │ P300    │ Hardware    │      0 │ top seller: 1 unit, 499.00 revenue", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_PopularityIncludingPurchased()
    {
        var result = await CliRunner.RunAsync("recommend", "--data", Data, "-c", "C001", "-s", "popularity", "--include-purchased", "-n", "2", "-q");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("│ 1 │ P200    │ Software │   796 │ top seller: 4 units, 796.00 revenue │", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ 2 │ P300    │ Hardware │   499 │", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_UnknownCustomer_Exit3()
    {
        var result = await CliRunner.RunAsync("recommend", "--data", Data, "--customer", "C999", "--quiet");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("error: Customer 'C999' is not in the data (4 customers loaded).\n", result.Error);
    }

    [Theory]
    [InlineData("--strategy", "magic", "error: Unknown --strategy 'magic'; one of: ")]
    [InlineData("--count", "0", "error: --count must be 1 to 1000 (was 0).")]
    [InlineData("--count", "many", "error: ")]
    [InlineData("--lambda", "0", "error: --lambda must be finite and positive (was 0).")]
    [InlineData("--als-factors", "0", "error: --als-factors must be 1 to 1024 (was 0).")]
    [InlineData("--als-iterations", "1001", "error: --als-iterations must be 1 to 1000 (was 1001).")]
    [InlineData("--als-regularization", "-1", "error: --als-regularization must be finite and positive (was -1).")]
    [InlineData("--als-alpha", "0", "error: --als-alpha must be finite and positive (was 0).")]
    public async Task Recommend_BadOption_Exit2(string option, string value, string message)
    {
        var result = await CliRunner.RunAsync("recommend", "--data", Data, "--customer", "C001", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Related_P400_AlsoBought()
    {
        // P400 was bought by C001 only, who also bought P200 (Jaccard 1/2) and P100 (1/3).
        var result = await CliRunner.RunAsync("related", "--data", Data, "--product", "P400", "--quiet", "--min-support", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertRow(result.Output, "1", "P200", "Software", "0.5", "often bought with P400");
        AssertRow(result.Output, "2", "P100", "Accessories", "0.3333", "often bought with P400");
    }

    [Fact]
    public async Task Recommend_ItemCooccurrence_BecauseYouBought()
    {
        var result = await CliRunner.RunAsync("recommend", "--data", Data, "--customer", "C003", "--strategy", "item-cooccurrence", "--quiet", "--min-support", "1");

        Assert.Equal(0, result.ExitCode);
        AssertRow(result.Output, "1", "P400", "Accessories", "0.5", "because you bought P200");
        AssertRow(result.Output, "2", "P100", "Accessories", "0.25", "because you bought P200");
    }

    [Fact]
    public async Task Recommend_Als_TastesLikeYours()
    {
        var result = await CliRunner.RunAsync("recommend", "--data", Data, "--customer", "C003", "--strategy", "als", "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("customers with tastes like yours bought it", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("│ P200", result.Output, StringComparison.Ordinal); // bought by C003: excluded
    }

    [Fact]
    public async Task Related_UnknownProduct_Exit3()
    {
        var result = await CliRunner.RunAsync("related", "--data", Data, "--product", "NOPE", "--quiet");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("error: Product 'NOPE' is not in the data (4 products loaded).\n", result.Error);
    }

    [Fact]
    public async Task Evaluate_SeedLastOrderOut_HandCalculatedMetrics()
    {
        // Held out: C001's last order (P400, new to C001) and C002's (P100, new to C002). Popularity on the training rows
        // ranks P200, P300, P100 (P400 has no training sales). C001, excluding P100 and P200, gets [P300]: no hit.
        // C002, excluding P300, gets [P200, P100]: a hit at rank 2. Means over the 2 customers: precision@10 (0 + 1/10)/2,
        // recall (0 + 1)/2, NDCG (0 + ln 2 / ln 3)/2 = 0.3155, MAP@10 (0 + 1/2)/2, hit rate 1/2, MRR (0 + 1/2)/2.
        var saved = Path.Combine(_folder.FullName, "comparison.csv");
        var result = await CliRunner.RunAsync("evaluate", "--data", Data, "--strategies", "popularity", "--quiet", "--save", saved);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Truth: products new to the customer (2 pairs)", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("Split: leave last order out", result.Output, StringComparison.Ordinal);
        AssertRow(result.Output, "popularity", "2", "0.0500", "0.5000", "0.3155", "0.2500", "0.5000", "0.2500");
        Assert.DoesNotContain("segment-affinity", result.Output, StringComparison.Ordinal);
        var csv = await File.ReadAllLinesAsync(saved);
        Assert.Equal(2, csv.Length);
        Assert.StartsWith("popularity,", csv[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--split", "weekly", "error: --split must be last-order, time, random, stratified or chronological (was 'weekly').")]
    [InlineData("--strategies", "popularity,magic", "error: Unknown strategy 'magic' in --strategies; one of: ")]
    [InlineData("--split", "time", "error: --split time needs --cutoff with an ISO 8601 date or time (was '').")]
    [InlineData("--save", "out.xlsx", "error: --save must name a .md, .csv or .json file (was 'out.xlsx').")]
    public async Task Evaluate_BadOption_Exit2(string option, string value, string message)
    {
        var result = await CliRunner.RunAsync("evaluate", "--data", Data, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>Asserts a table row with these cells, whatever their padding.</summary>
    internal static void AssertRow(string output, params string[] cells) =>
        Assert.Matches("│ *" + string.Join(" *│ *", cells.Select(System.Text.RegularExpressions.Regex.Escape)) + " *│", output);

    private static async Task ReplaceLineAsync(string path, int line, string text)
    {
        var lines = await File.ReadAllLinesAsync(path);
        lines[line - 1] = text;
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n");
    }

    /// <summary>Exit 1 and the strict join's errors for <see cref="WriteUnknownReferences"/>, with file, line and the tool's flags.</summary>
    private static void AssertUnknownReferenceErrors(CliResult result, string data)
    {
        Assert.Equal(1, result.ExitCode);
        var error = result.Error.Replace("\n", string.Empty, StringComparison.Ordinal); // the console wraps long lines
        Assert.Contains(
            $"{Path.Combine(data, "transactions.csv")}(3): error, column 'customer_id', value 'CX': transaction '2': customer 'CX' is not among the customers; expected a customer id present in the customers. Keep such lines under the 'Unknown' segment with --unknown-customers keep, or leave them out and report them with --lenient (listed in rejected_rows.csv).",
            error,
            StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine(data, "transactions.csv")}(4): error, column 'product_id', value 'PX'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("EnrichmentOptions", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The seed's customers and products with issue 10's transactions: line 3 names customer CX, line 4 product PX.</summary>
    private string WriteUnknownReferences()
    {
        var data = CopySeed();
        File.WriteAllText(
            Path.Combine(data, "transactions.csv"),
            "txn_id,customer_id,product_id,qty,ts,order_id\n1,C001,P100,1,2024-03-01,A\n2,CX,P100,1,2024-03-01,B\n3,C001,PX,1,2024-03-01,C\n");
        return data;
    }

    private string CopySeed()
    {
        var data = Path.Combine(_folder.FullName, "data");
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(Data, "*.csv"))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        return data;
    }
}
