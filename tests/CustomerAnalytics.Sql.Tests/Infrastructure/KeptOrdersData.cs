namespace CustomerAnalytics.Sql.Tests.Infrastructure;

/// <summary>
/// Eight lines with every reason a line is left out: kept are lines 1, 6 (own unit price), 7 (a return without an
/// order) and 8 (a line total): 2 customers, 4 lines, 4 orders (O1, O5, line 7's own, O6), 6 units, revenue 20.49.
/// O2 (unknown product only), O3 (unknown customer only) and O4 (no price) have no kept line and are not orders.
/// </summary>
internal static class KeptOrdersData
{
    private static readonly Lazy<CsvTables> KeptOrders = new(WriteKeptOrders);
    private static readonly Lazy<CsvTables> Empty = new(WriteEmpty);

    /// <summary>The eight lines, written once per test run (test classes run in parallel).</summary>
    public static CsvTables Write() => KeptOrders.Value;

    /// <summary>The three files with their headers only, written once per test run.</summary>
    public static CsvTables WriteHeadersOnly() => Empty.Value;

    private static CsvTables WriteKeptOrders()
    {
        var directory = TestFiles.Folder("kept-orders");
        var tables = new CsvTables(Path.Combine(directory, "customers.csv"), Path.Combine(directory, "products.csv"), Path.Combine(directory, "transactions.csv"));
        TestFiles.Write(tables.Customers, "customer_id,segment\nC1,Consumer\nC2,SMB\n");
        TestFiles.Write(tables.Products, "product_id,category,price\nP1,Tea,2.50\nP2,Coffee,\n");
        TestFiles.Write(tables.Transactions, """
            txn_id,customer_id,product_id,qty,ts,unit_price,order_id,line_total
            1,C1,P1,2,2024-03-01T10:00:00Z,,O1,
            2,C1,P9,1,2024-03-01T10:00:00Z,,O1,
            3,C2,P9,1,2024-03-02T10:00:00Z,,O2,
            4,C9,P1,1,2024-03-03T10:00:00Z,,O3,
            5,C2,P2,1,2024-03-04T10:00:00Z,,O4,
            6,C2,P2,2,2024-03-05T10:00:00Z,4.00,O5,
            7,C2,P1,-1,2024-03-06T10:00:00Z,,,
            8,C1,P2,3,2024-03-07T10:00:00Z,,O6,9.99

            """.ReplaceLineEndings("\n"));
        return tables;
    }

    private static CsvTables WriteEmpty()
    {
        var directory = TestFiles.Folder("empty");
        var tables = new CsvTables(Path.Combine(directory, "customers.csv"), Path.Combine(directory, "products.csv"), Path.Combine(directory, "transactions.csv"));
        TestFiles.Write(tables.Customers, "customer_id,segment\n");
        TestFiles.Write(tables.Products, "product_id,category,price\n");
        TestFiles.Write(tables.Transactions, "txn_id,customer_id,product_id,qty,ts,unit_price,order_id,line_total\n");
        return tables;
    }
}
