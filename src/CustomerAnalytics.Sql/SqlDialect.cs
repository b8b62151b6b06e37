namespace CustomerAnalytics.Sql;

/// <summary>The SQL dialect a query is written in. Both quote identifiers with double quotes and bind values as <c>$1</c>, <c>$2</c>, ….</summary>
public enum SqlDialect
{
    /// <summary>DuckDB (embedded, through DuckDB.NET): money as <c>DECIMAL(18,4)</c>, sums as <c>DECIMAL(38,4)</c>; text ordered bytewise (its default collation).</summary>
    DuckDb = 0,

    /// <summary>PostgreSQL (tested on 15): money as <c>NUMERIC</c>; text ordered with <c>COLLATE "C"</c>. What the engines built on its dialect (Citus, Greenplum, YugabyteDB, Amazon Redshift) accept is discussed in <c>docs/sql.md</c>.</summary>
    PostgreSql = 1,
}
