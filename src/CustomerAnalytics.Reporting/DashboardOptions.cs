using System.Globalization;

namespace CustomerAnalytics.Reporting;

/// <summary>Options of <see cref="DashboardDocument.FromDataset"/> and <see cref="DashboardWriter"/>. Immutable: derive variants with <c>with</c>.</summary>
public sealed record DashboardOptions
{
    /// <summary>The default options.</summary>
    public static DashboardOptions Default { get; } = new();

    /// <summary>The page title and heading.</summary>
    /// <value>Defaults to <c>Customer analytics</c>.</value>
    public string Title { get; init; } = "Customer analytics";

    /// <summary>How many products the top-products section shows.</summary>
    /// <value>Defaults to 10; at least 1.</value>
    public int TopProductCount { get; init; } = 10;

    /// <summary>The width of each chart, in pixels (charts scale down with the page).</summary>
    /// <value>Defaults to 720; 200 to 4000.</value>
    public int ChartWidth { get; init; } = 720;

    /// <summary>The height of each chart, in pixels.</summary>
    /// <value>Defaults to 320; 120 to 4000.</value>
    public int ChartHeight { get; init; } = 320;

    /// <summary>Chart labels longer than this are cut and end in an ellipsis (tables always show the full text).</summary>
    /// <value>Defaults to 32; at least 4.</value>
    public int MaxChartLabelLength { get; init; } = 32;

    /// <summary>How many months since acquisition (M0, M1, …) the cohort table shows.</summary>
    /// <value>Defaults to 12; 1 to 60.</value>
    public int CohortMonths { get; init; } = 12;

    /// <summary>How many cohorts the cohort table shows at most (the latest).</summary>
    /// <value>Defaults to 24; at least 1.</value>
    public int MaxCohorts { get; init; } = 24;

    /// <summary>How many bars a horizontal bar chart shows: past this, the smallest groups are folded into one
    /// <c>Other</c> bar (their sum), drawn grey and named in the legend. Tables always list every group.</summary>
    /// <value>Defaults to 12; 2 to 100.</value>
    public int MaxChartBars { get; init; } = 12;

    /// <summary>The currency of money amounts: an ISO 4217 code (<c>GBP</c>, <c>USD</c>, <c>EUR</c>, <c>JPY</c>, … shown as
    /// their symbol; other codes such as <c>CHF</c> are shown as the code and a space) or the symbol itself (<c>£</c>,
    /// <c>kr </c>), placed before the amount: <c>£8,300,065.81</c>, <c>-£5.00</c>. Chart axes name it: <c>Revenue (£)</c>.</summary>
    /// <value>Defaults to <see langword="null"/>: amounts without a symbol. At most 8 characters, no control characters.</value>
    public string? Currency { get; init; }

    /// <summary>The decimals of money amounts.</summary>
    /// <value>Defaults to 2; 0 to 4.</value>
    public int CurrencyDecimals { get; init; } = 2;

    /// <summary>The culture of the digit grouping and decimal separators of numbers (dates are always <c>yyyy-MM-dd</c>).</summary>
    /// <value>Defaults to <see cref="CultureInfo.InvariantCulture"/>: <c>1,234.56</c>.</value>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>When the data was produced, shown in the footer; <see langword="null"/> leaves it out, so that the same
    /// input gives a byte-identical page.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>Whether the page built by <see cref="DashboardDocument.FromDataset"/>, <see cref="DashboardDocument.FromRun"/> or
    /// <see cref="DashboardDocument.FromResults"/> carries its orders as JSON and one script (allowed by its hash) with
    /// filters, period-over-period change, sort, CSV export and drill-down. Without scripts the page is the static view.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Interactive { get; init; } = true;

    /// <summary>The most orders the page embeds for its filters (about 40 bytes each). With more, the page has no filters
    /// and says so under its header: it shows the static figures of the whole data, which are aggregates whatever the size.</summary>
    /// <value>Defaults to 50,000 (Online Retail has 25,900 orders: about 1 MB of JSON); 0 to 1,000,000.</value>
    public int MaxEmbeddedOrders { get; init; } = 50_000;

    /// <summary>The most transactions (order lines) whose products the page embeds, so that the top products follow the
    /// filters (about 15 bytes a line). With more, the top products show the whole data and the note under the filters
    /// says so; the other sections still follow the filters.</summary>
    /// <value>Defaults to 100,000 (about 1.5 MB of JSON); 0 to 5,000,000.</value>
    public int MaxEmbeddedOrderLines { get; init; } = 100_000;

    /// <summary>How many rows a drill-down list (a segment's customers, a customer's orders) shows at most; the list
    /// says how many there are in all.</summary>
    /// <value>Defaults to 100; 1 to 10,000.</value>
    public int MaxDrillDownRows { get; init; } = 100;

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            problems.Add($"{nameof(Title)} must not be empty");
        }

        if (TopProductCount < 1)
        {
            problems.Add($"{nameof(TopProductCount)} must be at least 1 (was {TopProductCount})");
        }

        if (ChartWidth is < 200 or > 4000)
        {
            problems.Add($"{nameof(ChartWidth)} must be 200 to 4000 (was {ChartWidth})");
        }

        if (ChartHeight is < 120 or > 4000)
        {
            problems.Add($"{nameof(ChartHeight)} must be 120 to 4000 (was {ChartHeight})");
        }

        if (MaxChartLabelLength < 4)
        {
            problems.Add($"{nameof(MaxChartLabelLength)} must be at least 4 (was {MaxChartLabelLength})");
        }

        if (CohortMonths is < 1 or > 60)
        {
            problems.Add($"{nameof(CohortMonths)} must be 1 to 60 (was {CohortMonths})");
        }

        if (MaxCohorts < 1)
        {
            problems.Add($"{nameof(MaxCohorts)} must be at least 1 (was {MaxCohorts})");
        }

        if (MaxChartBars is < 2 or > 100)
        {
            problems.Add($"{nameof(MaxChartBars)} must be 2 to 100 (was {MaxChartBars})");
        }

        if (Currency is not null && (Currency.Length is 0 or > 8 || string.IsNullOrWhiteSpace(Currency) || Currency.Any(char.IsControl)))
        {
            problems.Add($"{nameof(Currency)} must be an ISO 4217 code such as GBP or a symbol of 1 to 8 characters without control characters (was '{Currency}')");
        }

        if (CurrencyDecimals is < 0 or > 4)
        {
            problems.Add($"{nameof(CurrencyDecimals)} must be 0 to 4 (was {CurrencyDecimals})");
        }

        if (MaxEmbeddedOrders is < 0 or > 1_000_000)
        {
            problems.Add($"{nameof(MaxEmbeddedOrders)} must be 0 to 1,000,000 (was {MaxEmbeddedOrders})");
        }

        if (MaxEmbeddedOrderLines is < 0 or > 5_000_000)
        {
            problems.Add($"{nameof(MaxEmbeddedOrderLines)} must be 0 to 5,000,000 (was {MaxEmbeddedOrderLines})");
        }

        if (MaxDrillDownRows is < 1 or > 10_000)
        {
            problems.Add($"{nameof(MaxDrillDownRows)} must be 1 to 10,000 (was {MaxDrillDownRows})");
        }

        if (Culture is null)
        {
            problems.Add($"{nameof(Culture)} must not be null (use CultureInfo.InvariantCulture)");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid DashboardOptions: " + string.Join("; ", problems) + ".");
        }
    }
}
