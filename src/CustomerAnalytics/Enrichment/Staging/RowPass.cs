using CustomerAnalytics.Internal;
using Issues = CustomerAnalytics.Enrichment.Staging.IssueCollector<CustomerAnalytics.Enrichment.EnrichmentIssueKind, CustomerAnalytics.Enrichment.EnrichmentIssue>;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// The join's row pass over one range of rows (ranges run on every core, each with its own issues): checks each row's
/// references, id and price, reports what it finds, derives revenue and compacts the rows it keeps to the range's start.
/// </summary>
internal sealed class RowPass(TransactionStaging staging, EnrichmentOptions options, SealedColumns columns, JoinedDimensions dimensions, int[]? firstRowOfId)
{
    /// <summary>
    /// The usual case: every reference known, no repeated id, every line priced by its product. Revenue is then
    /// quantity × list price, and a row can only be rejected for a missing price or an overflow, which sends its range
    /// to the general pass.
    /// </summary>
    private readonly bool _simple = dimensions.AllCustomersAdded && dimensions.AllProductsAdded && firstRowOfId is null && columns.UnitPrices is null && columns.LineTotals is null;

    /// <summary>Runs the pass over rows <paramref name="start"/> to <paramref name="end"/> (excluded).</summary>
    public RangeResult Run(int start, int end) => (_simple ? Simple(start, end) : null) ?? General(start, end);

    /// <summary>The pass of the usual case; <see langword="null"/> when a row of the range needs the general pass.</summary>
    private RangeResult? Simple(int start, int end)
    {
        var issues = JoinIssues.Collector(options.MaxListedIssuesPerKind);
        var (customerRows, productRows, quantities, ticks, revenues) = (columns.Customers, columns.Products, columns.Quantities, columns.Ticks, columns.Revenue);
        var (prices, signups, customers) = (dimensions.ListPrices, dimensions.SignupDays, dimensions.Customers);
        for (var row = start; row < end; row++)
        {
            var quantity = quantities[row];
            var price = prices[productRows[row]];
            if (price == Money.None || !Money.TryMultiply(quantity, price, out var revenue))
            {
                return null;
            }

            revenues[row] = revenue;
            var customer = customerRows[row];
            if (quantity <= 0)
            {
                ReportQuantity(issues, row, customer, productRows[row], quantity);
            }

            if (ticks[row] / TimeSpan.TicksPerDay < signups[customer] && customers[customer].SignupDate is { } signup)
            {
                ReportBeforeSignup(issues, row, customer, productRows[row], signup);
            }
        }

        return new RangeResult(start, end, end - start, null, issues);
    }

    /// <summary>The general pass: rows left out are reported and skipped, the rows kept move up (only once one was left out).</summary>
    private RangeResult General(int start, int end)
    {
        var issues = JoinIssues.Collector(options.MaxListedIssuesPerKind);
        int[]? keptRows = null;
        var kept = start;
        for (var row = start; row < end; row++)
        {
            var check = Check(issues, row);
            if (check.LeftOut is { } reason)
            {
                issues.LeaveOut(reason);
                keptRows ??= RowsSoFar(start, kept, end);
                continue;
            }

            var rawCustomer = columns.Customers[row];
            var rawProduct = columns.Products[row];
            var quantity = columns.Quantities[row];
            if (quantity <= 0)
            {
                ReportQuantity(issues, row, rawCustomer, rawProduct, quantity);
            }

            if (columns.Ticks[row] / TimeSpan.TicksPerDay < dimensions.SignupDays[check.Customer] && dimensions.Customers[check.Customer].SignupDate is { } signup)
            {
                ReportBeforeSignup(issues, row, rawCustomer, rawProduct, signup);
            }

            Keep(row, kept, check);
            if (keptRows is not null)
            {
                keptRows[kept - start] = row;
            }

            kept++;
        }

        return new RangeResult(start, end, kept - start, keptRows, issues);
    }

    /// <summary>A row's table indexes, unit price and revenue, and the first reason to leave it out (each problem reported).</summary>
    private RowCheck Check(Issues issues, int row)
    {
        var rawCustomer = columns.Customers[row];
        var rawProduct = columns.Products[row];
        var customer = dimensions.AllCustomersAdded ? rawCustomer : dimensions.CustomerMap[rawCustomer];
        var product = dimensions.AllProductsAdded ? rawProduct : dimensions.ProductMap[rawProduct];
        var reason = CheckReferences(issues, row, rawCustomer, rawProduct, customer, product);
        var unitPrice = columns.UnitPrices is null ? Money.None : columns.UnitPrices[row];
        var revenue = columns.LineTotals is null ? Money.None : columns.LineTotals[row];
        if (unitPrice == Money.None && product >= 0)
        {
            unitPrice = dimensions.ListPrices[product];
        }

        if (revenue != Money.None)
        {
            return new RowCheck(customer, product, unitPrice, revenue, reason);
        }

        if (unitPrice == Money.None)
        {
            // A row left out already is not also reported for its price.
            if (reason is null)
            {
                reason = EnrichmentIssueKind.MissingPrice;
                if (issues.Count(EnrichmentIssueKind.MissingPrice))
                {
                    issues.List(At(row, JoinIssues.MissingPrice(columns.Ids[row], staging.Customers[rawCustomer], staging.Products[rawProduct])));
                }
            }
        }
        else if (!Money.TryMultiply(columns.Quantities[row], unitPrice, out revenue))
        {
            reason ??= EnrichmentIssueKind.MoneyOutOfRange;
            if (issues.Count(EnrichmentIssueKind.MoneyOutOfRange))
            {
                issues.List(At(row, JoinIssues.RevenueOutOfRange(columns.Ids[row], staging.Customers[rawCustomer], staging.Products[rawProduct])));
            }
        }

        return new RowCheck(customer, product, unitPrice, revenue, reason);
    }

    /// <summary>Reports an unknown customer or product and a repeated id; returns the first reason to leave the row out.</summary>
    private EnrichmentIssueKind? CheckReferences(Issues issues, int row, int rawCustomer, int rawProduct, int customer, int product)
    {
        EnrichmentIssueKind? reason = null;
        if (!dimensions.AllCustomersAdded && !dimensions.CustomerAdded[rawCustomer])
        {
            reason = customer < 0 ? EnrichmentIssueKind.UnknownCustomer : null;
            if (issues.Count(EnrichmentIssueKind.UnknownCustomer))
            {
                issues.List(At(row, JoinIssues.UnknownCustomer(customer < 0, columns.Ids[row], staging.Customers[rawCustomer], staging.Products[rawProduct])));
            }
        }

        if (!dimensions.AllProductsAdded && !dimensions.ProductAdded[rawProduct])
        {
            reason ??= product < 0 ? EnrichmentIssueKind.UnknownProduct : null;
            if (issues.Count(EnrichmentIssueKind.UnknownProduct))
            {
                issues.List(At(row, JoinIssues.UnknownProduct(product < 0, columns.Ids[row], staging.Customers[rawCustomer], staging.Products[rawProduct])));
            }
        }

        if (firstRowOfId is not null && firstRowOfId[row] != row)
        {
            var drop = options.DuplicateTransactions == DuplicateTransactionPolicy.KeepFirst;
            reason ??= drop ? EnrichmentIssueKind.DuplicateTransactionId : null;
            if (issues.Count(EnrichmentIssueKind.DuplicateTransactionId))
            {
                issues.List(At(row, JoinIssues.DuplicateTransactionId(drop, columns.Ids[row], staging.Customers[rawCustomer], staging.Products[rawProduct], firstRowOfId[row])));
            }
        }

        return reason;
    }

    /// <summary>Writes a kept row at <paramref name="kept"/>: rows move only once one was left out, indexes change only when some reference was unknown.</summary>
    private void Keep(int row, int kept, in RowCheck check)
    {
        if (kept != row || !dimensions.AllCustomersAdded)
        {
            columns.Customers[kept] = check.Customer;
        }

        if (kept != row || !dimensions.AllProductsAdded)
        {
            columns.Products[kept] = check.Product;
        }

        if (kept != row)
        {
            columns.Orders[kept] = columns.Orders[row];
            columns.Quantities[kept] = columns.Quantities[row];
            columns.Ticks[kept] = columns.Ticks[row];
            if (columns.Weights is not null)
            {
                columns.Weights[kept] = columns.Weights[row];
            }
        }

        if (columns.UnitPrices is not null)
        {
            columns.UnitPrices[kept] = check.UnitPrice;
        }

        columns.Revenue[kept] = check.Revenue;
    }

    /// <summary>The rows kept so far in a range (its first ones), once one is left out.</summary>
    private static int[] RowsSoFar(int start, int kept, int end)
    {
        var keptRows = new int[end - start];
        for (var i = 0; i < kept - start; i++)
        {
            keptRows[i] = start + i;
        }

        return keptRows;
    }

    /// <summary>A zero quantity or a return, counted, and listed (its id formatted) as the report's limit allows.</summary>
    private void ReportQuantity(Issues issues, int row, int customer, int product, int quantity)
    {
        if (issues.Count(quantity == 0 ? EnrichmentIssueKind.ZeroQuantity : EnrichmentIssueKind.Return))
        {
            issues.List(At(row, JoinIssues.Quantity(columns.Ids[row], staging.Customers[customer], staging.Products[product], quantity)));
        }
    }

    /// <summary>A purchase before the customer's signup, counted and listed as the report's limit allows.</summary>
    private void ReportBeforeSignup(Issues issues, int row, int customer, int product, DateOnly signup)
    {
        if (issues.Count(EnrichmentIssueKind.PurchaseBeforeSignup))
        {
            issues.List(At(row, JoinIssues.BeforeSignup(columns.Ids[row], staging.Customers[customer], staging.Products[product], columns.Ticks[row], signup)));
        }
    }

    /// <summary>The issue placed at the row's source and line.</summary>
    private EnrichmentIssue At(int row, EnrichmentIssue issue) => staging.Columns.Sources.At(row, issue);

    /// <summary>What the checks found about one row.</summary>
    private readonly record struct RowCheck(int Customer, int Product, long UnitPrice, long Revenue, EnrichmentIssueKind? LeftOut);
}
