namespace CustomerAnalytics.Sql;

/// <summary>What differs between the dialects in the KPI queries: the exact money types and the ordinal text order.</summary>
internal sealed class SqlDialectRules
{
    private SqlDialectRules(SqlDialect dialect) => Dialect = dialect;

    public SqlDialect Dialect { get; }

    public static SqlDialectRules For(SqlDialect dialect) => Enum.IsDefined(dialect)
        ? new SqlDialectRules(dialect)
        : throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Not a defined SQL dialect.");

    /// <summary>The type of a price or amount: exact money (DuckDB: 4 decimal places as the in-memory dataset keeps; PostgreSQL: unbounded NUMERIC).</summary>
    public string MoneyType => Dialect == SqlDialect.DuckDb ? "DECIMAL(18,4)" : "NUMERIC";

    /// <summary>The type of a sum of money (DuckDB: the widest decimal at 4 places; PostgreSQL: unbounded NUMERIC).</summary>
    public string MoneySumType => Dialect == SqlDialect.DuckDb ? "DECIMAL(38,4)" : "NUMERIC";

    /// <summary>A price or amount as exact money (<see cref="MoneyType"/>).</summary>
    public string Money(string expression) => $"CAST({expression} AS {MoneyType})";

    /// <summary>The exact sum of money, 0 over no rows.</summary>
    public string SumMoney(string expression) => Dialect == SqlDialect.DuckDb
        ? $"CAST(COALESCE(SUM({expression}), 0) AS {MoneySumType})"
        : $"COALESCE(SUM({expression}), 0)";

    /// <summary>Text compared by code point, as the in-memory calculators compare ids (ordinal).</summary>
    public string Ordinal(string expression) => Dialect == SqlDialect.DuckDb
        ? expression
        : expression + " COLLATE \"C\"";

    /// <summary>
    /// Microseconds since 1970-01-01 00:00 UTC of a timestamp as a <c>BIGINT</c>: a <c>TIMESTAMPTZ</c> is an instant, a
    /// <c>TIMESTAMP</c> without a zone is read as UTC (the session's time zone plays no part in either dialect).
    /// </summary>
    public string EpochMicroseconds(string expression) => Dialect == SqlDialect.DuckDb
        ? $"epoch_us({expression})"
        : $"CAST(EXTRACT(EPOCH FROM {expression}) * 1000000 AS BIGINT)";

    /// <summary>⌊<paramref name="dividend"/> ÷ <paramref name="divisor"/>⌋ in exact integer arithmetic, also for a negative dividend (both dialects' <c>%</c> truncates).</summary>
    public string FloorDivide(string dividend, long divisor)
    {
        var d = divisor.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var exact = $"(({dividend}) - (((({dividend}) % {d}) + {d}) % {d}))";
        return Dialect == SqlDialect.DuckDb ? $"({exact} // {d})" : $"({exact} / {d})";
    }

    /// <summary>Integer division of non-negative integers (DuckDB's <c>/</c> divides as a fraction).</summary>
    public string IntegerDivide(string dividend, string divisor) => Dialect == SqlDialect.DuckDb
        ? $"(({dividend}) // ({divisor}))"
        : $"(({dividend}) / ({divisor}))";

    /// <summary>The placeholder of the <paramref name="position"/>-th parameter (1-based).</summary>
    public static string Parameter(int position) => "$" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
