using System.Collections.Immutable;
using System.Data.Common;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Sql;

/// <summary>
/// The KPIs of <see cref="KpiCalculator"/> pushed down to a database: each method returns a <see cref="SqlQuery{T}"/>
/// whose result is the record the in-memory calculator returns on the same data, with the same definitions (revenue =
/// line total, else quantity × unit price, else quantity × list price; returns subtract; orders count kept lines only;
/// ties broken by id, ordinal). Lines are joined to customers and products with inner joins: a line naming an unknown
/// customer or product is left out, as <see cref="Enrichment.UnknownReferencePolicy.Reject"/> (the default) does.
/// Immutable and safe to share. Definitions, the dialect contract and what differs from files: <c>docs/sql.md</c>.
/// </summary>
/// <example>
/// <code>
/// await using var connection = new DuckDBConnection("Data Source=shop.duckdb");
/// await connection.OpenAsync();
/// var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, SqlDialect.DuckDb);
/// OverallKpis overall = await kpis.Overall().ExecuteAsync(connection);
/// Console.WriteLine(kpis.TopProducts(5).ToSql());
/// </code>
/// </example>
public sealed class SqlKpis
{
    private readonly KpiSql _sql;
    private readonly CustomerKpiSql _customerSql;
    private readonly RfmSql _rfmSql;
    private readonly BtydSummarySql _btydSql;
    private readonly ModelStatisticsSql _modelSql;

    private SqlKpis(SqlBinding binding, SqlDialect dialect)
    {
        Dialect = dialect;
        Source = binding.Source;
        var rules = SqlDialectRules.For(dialect);
        _sql = new KpiSql(binding, rules);
        var orders = new OrderSql(_sql, binding, rules);
        _customerSql = new CustomerKpiSql(orders);
        _rfmSql = new RfmSql(orders);
        _btydSql = new BtydSummarySql(orders);
        _modelSql = new ModelStatisticsSql(_sql, binding, rules);
    }

    /// <summary>The dialect the queries are written in.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The source the queries read.</summary>
    public SqlSource Source { get; }

    /// <summary>
    /// The queries over <paramref name="source"/> without looking at a database (to print SQL for a warehouse): each
    /// part reads the first name its list gives, and an optional part with an empty list (for example
    /// <c>TransactionColumns.Default with { LineTotal = [] }</c>) is absent.
    /// </summary>
    /// <param name="source">The tables and columns.</param>
    /// <param name="dialect">The dialect to write.</param>
    /// <returns>The queries.</returns>
    /// <exception cref="ArgumentException">The source is invalid (<see cref="SqlSource.Validate"/>), or the dialect is not defined.</exception>
    /// <exception cref="InvalidOperationException">No price part is named (line total, unit price or list price).</exception>
    public static SqlKpis Create(SqlSource source, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(source);
        SqlDialectRules.For(dialect);
        return new SqlKpis(SqlBinding.FirstNames(source), dialect);
    }

    /// <summary>
    /// The queries over <paramref name="source"/> as the database has it: each part reads the first listed name the
    /// relation has (ignoring case, as the file loaders match headers), and optional parts it lacks are absent.
    /// </summary>
    /// <param name="connection">A connection of the dialect; a closed one is opened for the look-up and closed again.</param>
    /// <param name="source">The tables and columns.</param>
    /// <param name="dialect">The connection's dialect.</param>
    /// <param name="cancellationToken">Cancels the look-up of the columns.</param>
    /// <returns>The queries.</returns>
    /// <exception cref="ArgumentException">The source is invalid (<see cref="SqlSource.Validate"/>), or the dialect is not defined.</exception>
    /// <exception cref="InvalidOperationException">A relation lacks a required column (the message lists what was looked for and what it has), or no price part is present.</exception>
    public static async Task<SqlKpis> BindAsync(DbConnection connection, SqlSource source, SqlDialect dialect, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(source);
        SqlDialectRules.For(dialect);
        return new SqlKpis(await SqlBinding.ResolveAsync(connection, source, cancellationToken).ConfigureAwait(false), dialect);
    }

    /// <summary>The headline figures, as <see cref="KpiCalculator.Overall"/>; the average order value is taken in the client from the exact revenue and orders.</summary>
    /// <returns>The query.</returns>
    public SqlQuery<OverallKpis> Overall() => new(Dialect, _sql.Overall(), [], KpiReaders.OverallAsync);

    /// <summary>The figures by customer segment, as <see cref="KpiCalculator.BySegment"/>.</summary>
    /// <returns>The query.</returns>
    public SqlQuery<ImmutableArray<GroupKpi>> BySegment() => new(Dialect, _sql.Group("segment"), [], KpiReaders.GroupsAsync);

    /// <summary>The figures by product category, as <see cref="KpiCalculator.ByCategory"/>.</summary>
    /// <returns>The query.</returns>
    public SqlQuery<ImmutableArray<GroupKpi>> ByCategory() => new(Dialect, _sql.Group("category"), [], KpiReaders.GroupsAsync);

    /// <summary>The figures by customer, as <see cref="KpiCalculator.ByCustomer"/>.</summary>
    /// <returns>The query.</returns>
    public SqlQuery<ImmutableArray<GroupKpi>> ByCustomer() => new(Dialect, _sql.Group("customer_id"), [], KpiReaders.GroupsAsync);

    /// <summary>Every product with a line, ranked, as <see cref="KpiCalculator.Products"/>.</summary>
    /// <param name="rankBy">The measure to rank by.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rankBy"/> is not defined.</exception>
    public SqlQuery<ImmutableArray<ProductKpi>> Products(ProductRanking rankBy = ProductRanking.Revenue) =>
        new(Dialect, _sql.Products(CheckRanking(rankBy), false), [], KpiReaders.ProductsAsync);

    /// <summary>The first <paramref name="count"/> products, as <see cref="KpiCalculator.TopProducts"/>; <paramref name="count"/> is the parameter <c>$1</c>.</summary>
    /// <param name="count">How many products at most.</param>
    /// <param name="rankBy">The measure to rank by.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, or <paramref name="rankBy"/> is not defined.</exception>
    public SqlQuery<ImmutableArray<ProductKpi>> TopProducts(int count, ProductRanking rankBy = ProductRanking.Revenue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new(Dialect, _sql.Products(CheckRanking(rankBy), true), [(long)count], KpiReaders.ProductsAsync);
    }

    /// <summary>
    /// The time series of <see cref="CustomerKpiCalculator.ByPeriod"/>: per local day, ISO week or month, from the first
    /// period with an order to the last (the engine returns the periods with an order; those between are filled with
    /// zeros in the client). The time zone's offsets are the ones .NET gives (<see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/>),
    /// passed as a parameter, so the engine's own time zone database plays no part; see <c>docs/sql.md</c>.
    /// </summary>
    /// <param name="options">The period and time zone; <see cref="TimeSeriesOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The source has no timestamp column.</exception>
    public SqlQuery<ImmutableArray<PeriodKpi>> ByPeriod(TimeSeriesOptions? options = null)
    {
        options ??= TimeSeriesOptions.Default;
        options.Validate();
        var parameters = new SqlParameters();
        var sql = _customerSql.ByPeriod(options, parameters);
        return new(Dialect, sql, parameters.ToImmutableArray(), CustomerKpiReaders.ByPeriod(options.Period));
    }

    /// <summary>Purchases, returns, units per order, revenue per customer and the repeat purchase rate, as <see cref="CustomerKpiCalculator.Purchases"/>.</summary>
    /// <returns>The query.</returns>
    public SqlQuery<PurchaseKpis> Purchases() => new(Dialect, _customerSql.Purchases(), [], CustomerKpiReaders.PurchasesAsync);

    /// <summary>Monthly cohort retention, as <see cref="CustomerKpiCalculator.Cohorts"/>; the time zone's offsets are passed as for <see cref="ByPeriod"/>.</summary>
    /// <param name="timeZone">The time zone whose calendar months count; <see cref="TimeZoneInfo.Utc"/> when <see langword="null"/>.</param>
    /// <returns>The query.</returns>
    /// <exception cref="InvalidOperationException">The source has no timestamp column.</exception>
    public SqlQuery<ImmutableArray<CohortCell>> Cohorts(TimeZoneInfo? timeZone = null)
    {
        var parameters = new SqlParameters();
        var sql = _customerSql.Cohorts(timeZone ?? TimeZoneInfo.Utc, parameters);
        return new(Dialect, sql, parameters.ToImmutableArray(), CustomerKpiReaders.CohortsAsync);
    }

    /// <summary>
    /// RFM values, quintile scores and segments, as <see cref="RfmCalculator.Compute"/>: the engine sums each customer's
    /// orders up to the analysis date (local days in the options' time zone, offsets passed as for <see cref="ByPeriod"/>)
    /// and returns one row per scored customer; the scores (ties share the lowest bin), segments and segment summary are
    /// taken in the client by the calculator's own rule from those exact values.
    /// </summary>
    /// <param name="options">The analysis date and time zone; <see cref="RfmOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The source has no timestamp column.</exception>
    public SqlQuery<RfmResult> Rfm(RfmOptions? options = null)
    {
        options ??= RfmOptions.Default;
        options.Validate();
        var parameters = new SqlParameters();
        var sql = _rfmSql.Rfm(options, parameters);
        return new(Dialect, sql, parameters.ToImmutableArray(), RfmReader.ReadAsync);
    }

    /// <summary>
    /// The BTYD customer summary (frequency, recency, T, monetary value, and the holdout columns), as
    /// <see cref="Lifetime.BtydSummary.Create"/>: the engine counts each customer's distinct purchase days and sums the spend
    /// after the first purchase day, per calibration and holdout period, in the options' time zone (offsets passed as for
    /// <see cref="ByPeriod"/>); recency, T and the mean spends are divided in the client from those exact values. Rows
    /// come by customer id (ordinal); in memory they come in the dataset's customer order, the same when customers are
    /// loaded by id.
    /// </summary>
    /// <param name="options">Calibration end, holdout end, unit and time zone; <see cref="BtydSummaryOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The source has no timestamp column.</exception>
    public SqlQuery<BtydSummary> BtydSummary(BtydSummaryOptions? options = null)
    {
        options ??= BtydSummaryOptions.Default;
        options.Validate();
        var parameters = new SqlParameters();
        var sql = _btydSql.Summary(options, parameters);
        return new(Dialect, sql, parameters.ToImmutableArray(), BtydSummaryReader.For(options));
    }

    /// <summary>
    /// What <see cref="PopularityRecommender"/> and <see cref="SegmentAffinityRecommender"/> fit from, as
    /// <see cref="Recommendations.RecommenderStatistics.Compute"/> computes it in memory: every product with its net
    /// revenue, net units and net buyers, every customer with the products it bought (a line of positive quantity), and
    /// the net revenue of each segment in each category, over the kept lines. The engine groups the lines; only those
    /// figures travel (one row per product, customer, purchased (customer, product) pair and (segment, category)).
    /// Customers come by id (ordinal), as <see cref="IRecommenderModel.RecommendAll(RecommendationRequest?)"/> then lists
    /// them; in memory they come in the order loaded, the same when customers are loaded by id. Names and signup dates
    /// are not read (no baseline strategy uses them), and a weight column plays no part (no baseline strategy uses one).
    /// </summary>
    /// <returns>The query; fit with <see cref="PopularityRecommender.Fit(Recommendations.RecommenderStatistics)"/> or
    /// <see cref="SegmentAffinityRecommender.Fit(Recommendations.RecommenderStatistics)"/>.</returns>
    /// <example>
    /// <code>
    /// var statistics = await kpis.ModelStatistics().ExecuteAsync(connection);
    /// var model = new PopularityRecommender().Fit(statistics);
    /// </code>
    /// </example>
    public SqlQuery<RecommenderStatistics> ModelStatistics() => new(Dialect, _modelSql.Statistics(), [], ModelStatisticsReader.ReadAsync);

    private static ProductRanking CheckRanking(ProductRanking rankBy) =>
        Enum.IsDefined(rankBy) ? rankBy : throw new ArgumentOutOfRangeException(nameof(rankBy), rankBy, "Not a defined ranking.");
}
