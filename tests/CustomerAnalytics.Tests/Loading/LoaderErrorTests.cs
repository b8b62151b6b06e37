using System.Text;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>Every error case of issue #2's loading section: each diagnostic's line, column, value and message text.</summary>
public class LoaderErrorTests
{
    private static LoadDiagnostic Single(string csv, Func<Stream, LoadResult<Customer>> load)
    {
        using var stream = LoaderTestData.Utf8(csv);
        return Assert.Single(load(stream).Report.Diagnostics);
    }

    private static DataLoadException Throws(Action load) => Assert.Throws<DataLoadException>(load);

    [Fact]
    public void Load_MissingFile_ThrowsNamingTheFullPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-ca", "customers.csv");

        var error = Throws(() => CustomerLoader.Load(path, LoaderTestData.Lenient));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal(new LoadDiagnostic(path, 0, null, null, "the file does not exist", $"a readable file at '{path}'", $"Check the path; a relative path is resolved against the current directory ({Environment.CurrentDirectory})."), problem);
        Assert.Equal(
            $"1 problem found while loading '{path}'.\n  {path}: error: the file does not exist; expected a readable file at '{path}'. Check the path; a relative path is resolved against the current directory ({Environment.CurrentDirectory}).",
            error.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task LoadAsync_MissingFile_Throws()
    {
        var error = await Assert.ThrowsAsync<DataLoadException>(() => TransactionLoader.LoadAsync("missing-transactions.csv"));

        Assert.Equal("the file does not exist", Assert.Single(error.Diagnostics).Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    [InlineData("\uFEFF")]
    public void Load_EmptySource_ThrowsInEveryMode(string content)
    {
        using var stream = LoaderTestData.Utf8(content);

        var error = Throws(() => CustomerLoader.Load(stream, "customers.csv", options: LoaderTestData.Lenient));

        Assert.Equal(
            "customers.csv: error: the source is empty; expected a header line naming the columns, then one line per row (or, for JSON, at least one object).",
            Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Load_HeaderOnly_NoRowsNoProblems()
    {
        using var stream = LoaderTestData.Utf8("customer_id,segment\n");

        var result = CustomerLoader.Load(stream, "customers.csv");

        Assert.Empty(result.Rows);
        Assert.Equal(new LoadReport("customers.csv", 0, 0, 0, []), result.Report with { Diagnostics = [] });
    }

    [Fact]
    public void Load_MissingRequiredColumns_NamesEachAndListsTheHeadersFound()
    {
        using var stream = LoaderTestData.Utf8("txn_id,client,product_id,when\n1,C1,P1,2024-01-01\n");

        var error = Throws(() => TransactionLoader.Load(stream, "transactions.csv", options: LoaderTestData.Lenient));

        Assert.Equal(
            [
                "transactions.csv(1): error, column 'customer_id': the required column 'customer_id' is missing; headers found: 'txn_id', 'client', 'product_id', 'when'; expected a column named customer_id, customerid, customer or household_id (any case). Map your header: LoadOptions.TransactionColumns = TransactionColumns.Default with { CustomerId = [\"your header\"] }.",
                "transactions.csv(1): error, column 'qty': the required column 'qty' is missing; headers found: 'txn_id', 'client', 'product_id', 'when'; expected a column named qty, quantity or units (any case). Map your header: LoadOptions.TransactionColumns = TransactionColumns.Default with { Quantity = [\"your header\"] }.",
                "transactions.csv(1): error, column 'ts': the required column 'ts' is missing; headers found: 'txn_id', 'client', 'product_id', 'when'; expected a column named ts, timestamp, transaction_timestamp, date, datetime or order_date (any case). Map your header: LoadOptions.TransactionColumns = TransactionColumns.Default with { Timestamp = [\"your header\"] }.",
            ],
            error.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(3, error.TotalProblems);
    }

    [Fact]
    public void Load_MappedHeaders_FindsColumnsByAnyNameIgnoringCaseAndSpaces()
    {
        using var stream = LoaderTestData.Utf8(" Client ,PRODUCT_ID, When ,Qty\nC1,P1,2024-01-01,2\n");
        var options = LoadOptions.Default with { TransactionColumns = TransactionColumns.Default with { CustomerId = ["client"], Timestamp = ["when"] } };

        var result = TransactionLoader.Load(stream, "transactions.csv", options: options);

        Assert.Equal(new[] { new Transaction("1", "C1", "P1", 2, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)) }, result.Rows);
    }

    [Fact]
    public void Load_WrongDelimiter_SaysWhichSeparatorTheFileSeemsToUse()
    {
        using var stream = LoaderTestData.Utf8("customer_id;segment;signup_date\nC001;Consumer;2024-01-10\n");

        var error = Throws(() => CustomerLoader.Load(stream, "customers.csv"));

        Assert.Equal(
            [
                "customers.csv(1): error, column 'customer_id': the required column 'customer_id' is missing; headers found: 'customer_id;segment;signup_date'; expected a column named customer_id, customerid, customer or id (any case). The header is a single column containing ';': the file looks ';'-separated. Set LoadOptions.Separator = ';' (or null to detect it).",
                "customers.csv(1): error, column 'segment': the required column 'segment' is missing; headers found: 'customer_id;segment;signup_date'; expected a column named segment or customer_segment (any case). The header is a single column containing ';': the file looks ';'-separated. Set LoadOptions.Separator = ';' (or null to detect it).",
            ],
            error.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData(';')]
    [InlineData(null)]
    public void Load_SemicolonSeparator_WhenSetOrDetected(char? separator)
    {
        using var stream = LoaderTestData.Utf8("customer_id;segment;signup_date\nC001;Consumer;2024-01-10\n");

        var result = CustomerLoader.Load(stream, "customers.csv", options: LoadOptions.Default with { Separator = separator });

        Assert.Equal(new[] { new Customer("C001", "Consumer", new DateOnly(2024, 1, 10)) }, result.Rows);
    }

    [Fact]
    public void Load_RowWithExtraField_RejectsTheRowWithItsRawText()
    {
        var problem = Single("customer_id,segment\nC1,SMB\nC2,SMB,extra\n", s => CustomerLoader.Load(s, "customers.csv", options: LoaderTestData.Lenient));

        Assert.Equal(
            "customers.csv(3): error, value 'C2,SMB,extra': the row has 3 fields but the header has 2; expected 2 fields separated by ','. Quote values that contain the separator, a quote or a line break (\"a, b\"); check LoadOptions.Separator.",
            problem.ToString());
    }

    [Fact]
    public void Load_UnparsableQuantity_ReportsLineColumnAndValue()
    {
        using var stream = LoaderTestData.Utf8("txn_id,customer_id,product_id,qty,ts\n1,C1,P1,2,2024-03-01T10:00:00Z\n2,C1,P1,two,2024-03-01T10:00:00Z\n3,C1,P1,1.5,2024-03-01T10:00:00Z\n");

        var result = TransactionLoader.Load(stream, "transactions.csv", options: LoaderTestData.Lenient);

        Assert.Equal(["1"], result.Rows.Select(t => t.Id));
        Assert.Equal(
            [
                "transactions.csv(3): error, column 'qty', value 'two': not a whole number; expected a whole number such as 3, or -1 for a return.",
                "transactions.csv(4): error, column 'qty', value '1.5': not a whole number; expected a whole number such as 3, or -1 for a return.",
            ],
            result.Report.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_UnparsableDate_ReportsLineColumnAndValue()
    {
        var problem = Single("customer_id,segment,signup_date\nC1,SMB,2024-02-30\n", s => CustomerLoader.Load(s, "customers.csv", options: LoaderTestData.Lenient));

        Assert.Equal(
            "customers.csv(2): error, column 'signup_date', value '2024-02-30': not a date; expected a date such as 2024-01-10 (yyyy-MM-dd). Leave the cell empty when the date is unknown.",
            problem.ToString());
    }

    [Fact]
    public void Load_UnparsableTimestamp_ReportsLineColumnAndValue()
    {
        using var stream = LoaderTestData.Utf8("customer_id,product_id,qty,ts\nC1,P1,1,yesterday\nC1,P1,1,2024-03-01T25:00:00Z\n");

        var result = TransactionLoader.Load(stream, "transactions.csv", options: LoaderTestData.Lenient);

        Assert.Empty(result.Rows);
        Assert.Equal(
            [
                "transactions.csv(2): error, column 'ts', value 'yesterday': not a timestamp; expected an ISO 8601 timestamp such as 2024-03-01T10:00:00Z, 2024-03-01 10:00:00 or 2024-03-01. A timestamp without an offset is read in LoadOptions.SourceTimeZone (UTC); a local time skipped by a daylight saving change is invalid there.",
                "transactions.csv(3): error, column 'ts', value '2024-03-01T25:00:00Z': not a timestamp; expected an ISO 8601 timestamp such as 2024-03-01T10:00:00Z, 2024-03-01 10:00:00 or 2024-03-01. A timestamp without an offset is read in LoadOptions.SourceTimeZone (UTC); a local time skipped by a daylight saving change is invalid there.",
            ],
            result.Report.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_EmptyId_ReportsTheColumn()
    {
        var problem = Single("customer_id,segment\n  ,SMB\n", s => CustomerLoader.Load(s, "customers.csv", options: LoaderTestData.Lenient));

        Assert.Equal(
            "customers.csv(2): error, column 'customer_id', value '': the customer id is empty; expected a non-empty customer id. Fill it in.",
            problem.ToString());
    }

    [Fact]
    public void Load_DuplicateCustomerId_KeepsTheFirstAndNamesItsLine()
    {
        using var stream = LoaderTestData.Utf8("customer_id,segment\nC1,SMB\nC2,SMB\nC1,Consumer\n");

        var result = CustomerLoader.Load(stream, "customers.csv", options: LoaderTestData.Lenient);

        Assert.Equal(new[] { new Customer("C1", "SMB"), new Customer("C2", "SMB") }, result.Rows);
        Assert.Equal(
            "customers.csv(4): error, column 'customer_id', value 'C1': the customer id appears again (first on line 2); expected each customer id once. Remove the repeated row (the first row is kept, the repeats are rejected).",
            Assert.Single(result.Report.Diagnostics).ToString());
    }

    /// <summary>
    /// Regression: a rejected row still claimed its id, so the later good row with that id was rejected as a repeat
    /// and the customer (product) was lost altogether in lenient mode.
    /// </summary>
    [Fact]
    public void Load_IdOfARejectedRowAgain_TheGoodRowIsKept()
    {
        using var customers = LoaderTestData.Utf8("customer_id,segment\nC1,\nC1,SMB\nC1,Consumer\n");
        using var products = LoaderTestData.Utf8("product_id,category,price\nP1,Books,-1\nP1,Books,12\n");

        var customerResult = CustomerLoader.Load(customers, "customers.csv", options: LoaderTestData.Lenient);
        var productResult = ProductLoader.Load(products, "products.csv", options: LoaderTestData.Lenient);

        Assert.Equal(new[] { new Customer("C1", "SMB") }, customerResult.Rows);
        Assert.Equal([(2L, "the segment is empty"), (4L, "the customer id appears again (first on line 3)")], customerResult.Report.Diagnostics.Select(d => (d.Line, d.Problem)));
        Assert.Equal(new[] { new Product("P1", "Books", 12.00m) }, productResult.Rows);
    }

    [Fact]
    public void Load_DuplicateProductId_KeepsTheFirstAndNamesItsLine()
    {
        using var stream = LoaderTestData.Utf8("product_id,category,price\nP1,Books,10\nP1,Books,12\n");

        var result = ProductLoader.Load(stream, "products.csv", options: LoaderTestData.Lenient);

        Assert.Equal(new[] { new Product("P1", "Books", 10.00m) }, result.Rows);
        Assert.Equal(
            "products.csv(3): error, column 'product_id', value 'P1': the product id appears again (first on line 2); expected each product id once. Remove the repeated row (the first row is kept, the repeats are rejected).",
            Assert.Single(result.Report.Diagnostics).ToString());
    }

    [Fact]
    public void Load_NegativeOrNonNumericPrice_Rejected()
    {
        using var stream = LoaderTestData.Utf8("product_id,category,price\nP1,Books,-1.50\nP2,Books,$12\nP3,Books,1.23456\nP4,Books,\nP5,Books,1e2\n");

        var result = ProductLoader.Load(stream, "products.csv", options: LoaderTestData.Lenient);

        Assert.Equal(new[] { new Product("P4", "Books"), new Product("P5", "Books", 100.00m) }, result.Rows);
        Assert.Equal(
            [
                "products.csv(2): error, column 'price', value '-1.50': the price is negative; expected a price of 0 or more. A return is a negative quantity at a positive price.",
                "products.csv(3): error, column 'price', value '$12': not a number; expected a decimal number with '.' as the decimal point and no thousands separator, such as 19.99.",
                "products.csv(4): error, column 'price', value '1.23456': more than 4 decimal places; expected an amount with at most 4 decimal places (money is kept exactly as written). Round it in the source, or set LoadOptions.MoneyDecimals (0 to 4) to round such amounts half away from zero.",
            ],
            result.Report.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_QuotedFieldsWithCommasAndNewlines_ReadAsOneValueAndLinesStillRight()
    {
        using var stream = LoaderTestData.Utf8("customer_id,segment,name\nC1,SMB,\"Smith, John\"\nC2,SMB,\"two\nlines, and \"\"quotes\"\"\"\nC3,SMB,\nC4,,x\n");

        var result = CustomerLoader.Load(stream, "customers.csv", options: LoaderTestData.Lenient);

        Assert.Equal(
            new[] { new Customer("C1", "SMB", null, "Smith, John"), new Customer("C2", "SMB", null, "two\nlines, and \"quotes\""), new Customer("C3", "SMB") },
            result.Rows);
        Assert.Equal(
            "customers.csv(6): error, column 'segment', value '': the segment is empty; expected a segment. Fill it in.",
            Assert.Single(result.Report.Diagnostics).ToString());
    }

    [Fact]
    public void Load_Utf8ByteOrderMark_HeaderStillFound()
    {
        using var stream = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("customer_id,segment\nC1,Café\n")]);

        var result = CustomerLoader.Load(stream, "customers.csv");

        Assert.Equal(new[] { new Customer("C1", "Café") }, result.Rows);
    }

    [Fact]
    public void Load_BlankTrailingLines_NotRows()
    {
        using var stream = LoaderTestData.Utf8("customer_id,segment\r\nC1,SMB\r\n\r\n\r\n\n");

        var result = CustomerLoader.Load(stream, "customers.csv");

        Assert.Equal(new[] { new Customer("C1", "SMB") }, result.Rows);
        Assert.Equal((1L, 1L, 0L), (result.Report.RowsRead, result.Report.RowsLoaded, result.Report.RowsRejected));
    }

    [Fact]
    public void Load_Strict_ThrowsOnceListingEveryProblemUpToTheLimit()
    {
        using var stream = LoaderTestData.Utf8("customer_id,segment,signup_date\n,SMB,\nC2,,\nC3,SMB,never\nC4,SMB,\n");

        var error = Throws(() => CustomerLoader.Load(stream, "customers.csv", options: LoadOptions.Default with { MaxReportedProblems = 2 }));

        Assert.Equal(3, error.TotalProblems);
        Assert.Equal([2L, 3L], error.Diagnostics.Select(d => d.Line));
        Assert.Equal(
            """
            3 problems found while loading 'customers.csv'. Load with LoadOptions { Mode = LoadMode.Lenient } to keep the good rows and get these as diagnostics.
              customers.csv(2): error, column 'customer_id', value '': the customer id is empty; expected a non-empty customer id. Fill it in, or load with LoadMode.Lenient to skip such rows.
              customers.csv(3): error, column 'segment', value '': the segment is empty; expected a segment. Fill it in, or load with LoadMode.Lenient to skip such rows.
              … and 1 more (raise LoadOptions.MaxReportedProblems to list them).
            """,
            error.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Load_Lenient_KeepsGoodRowsCountsEveryRejectListsUpToTheLimit()
    {
        using var stream = LoaderTestData.Utf8("customer_id,segment,signup_date\n,SMB,\nC2,,\nC3,SMB,never\nC4,SMB,\n");

        var result = CustomerLoader.Load(stream, "customers.csv", options: LoaderTestData.Lenient with { MaxReportedProblems = 2 });

        Assert.Equal(new[] { new Customer("C4", "SMB") }, result.Rows);
        Assert.Equal((4L, 1L, 3L), (result.Report.RowsRead, result.Report.RowsLoaded, result.Report.RowsRejected));
        Assert.Equal(2, result.Report.Diagnostics.Length);
    }

    [Fact]
    public void Load_ValuesKeptOutOfDiagnosticsWhenAsked()
    {
        var problem = Single("customer_id,segment,signup_date\nC1,SMB,secret\n", s => CustomerLoader.Load(s, "customers.csv", options: LoaderTestData.Lenient with { IncludeValuesInDiagnostics = false }));

        Assert.Equal("customers.csv(2): error, column 'signup_date': not a date; expected a date such as 2024-01-10 (yyyy-MM-dd). Leave the cell empty when the date is unknown.", problem.ToString());
    }

    [Fact]
    public void Load_InvalidOptions_ThrowArgumentException()
    {
        using var stream = LoaderTestData.Utf8("customer_id,segment\n");

        var error = Assert.Throws<ArgumentException>(() => CustomerLoader.Load(stream, "customers.csv", options: LoadOptions.Default with { MaxReportedProblems = 0 }));

        Assert.Equal("Invalid LoadOptions: MaxReportedProblems must be at least 1 (was 0).", error.Message);
    }

    [Fact]
    public void Load_UnclosedQuote_ReportsTheSwallowedLinesInsteadOfLosingThem()
    {
        var problem = Single("customer_id,segment\nC1,\"SMB\nC2,SMB\nC3,SMB\n", s => CustomerLoader.Load(s, "customers.csv", options: LoaderTestData.Lenient));

        Assert.Equal(
            "customers.csv(2): error, column 'segment', value 'C1,\"SMB\nC2,SMB\nC3,SMB\n': a quoted field is never closed, so lines 2–4 were read as one value; expected a closing quote after the value; a quote inside a quoted value is written twice (\"\").",
            problem.ToString());
    }

    /// <summary>Regression: the line break that ends the input was counted as one more line (lines 2–5 of a 4-line file).</summary>
    [Theory]
    [InlineData("customer_id,segment\nC1,\"SMB\nC2,SMB\nC3,SMB\n", "2–4")]
    [InlineData("customer_id,segment\r\nC1,\"SMB\r\nC2,SMB\r\nC3,SMB\r\n", "2–4")]
    [InlineData("customer_id,segment\nC1,\"SMB\nC2,SMB\nC3,SMB", "2–4")]
    [InlineData("customer_id,segment\nC1,\"SMB\n\n", "2–3")]
    public void Load_UnclosedQuote_LastLineIsTheInputsLastLine(string csv, string lines)
    {
        var problem = Single(csv, s => CustomerLoader.Load(s, "customers.csv", options: LoaderTestData.Lenient));

        Assert.StartsWith($"a quoted field is never closed, so lines {lines} were read", problem.Problem, StringComparison.Ordinal);
    }

    /// <summary>
    /// Regression: an unclosed quote in a column before the last swallows the separators after it, so the record had
    /// the wrong number of fields and was reported as such, hiding the cause (and the lines it swallowed).
    /// </summary>
    [Fact]
    public void Load_UnclosedQuoteBeforeTheLastColumn_ReportedAsUnclosedQuote()
    {
        var problem = Single("customer_id,segment,name\nC1,\"SMB,Ann\nC2,SMB,Bob\n", s => CustomerLoader.Load(s, "customers.csv", options: LoaderTestData.Lenient));

        Assert.Equal(
            "customers.csv(2): error, column 'segment', value 'C1,\"SMB,Ann\nC2,SMB,Bob\n': a quoted field is never closed, so lines 2–3 were read as one value; expected a closing quote after the value; a quote inside a quoted value is written twice (\"\").",
            problem.ToString());
    }
}
