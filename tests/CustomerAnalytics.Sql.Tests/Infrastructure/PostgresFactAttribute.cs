namespace CustomerAnalytics.Sql.Tests.Infrastructure;

/// <summary>A fact that needs a PostgreSQL server; skipped, saying how to start one, when <c>CUSTOMER_ANALYTICS_PG</c> is not set.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresDatabase.ConnectionString is null)
        {
            Skip = $"{PostgresDatabase.Variable} is not set: set it to an Npgsql connection string (CI starts a throwaway server with 'source eng/postgres.sh start') to run the PostgreSQL equivalence tests.";
        }
    }
}
