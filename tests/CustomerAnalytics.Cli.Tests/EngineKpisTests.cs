namespace CustomerAnalytics.Cli.Tests;

/// <summary><c>kpis --engine</c>: the same output as the in-memory run on samples/data.</summary>
public sealed class EngineKpisTests
{
    private static readonly string Data = SampleDuckDb.Data;

    [Fact]
    public async Task KpisEngineDuckDb_SamplesData_PrintsTheInMemoryTables()
    {
        var database = Path.Combine(Path.GetTempPath(), "customer-analytics-cli-" + Guid.NewGuid().ToString("N") + ".duckdb");
        try
        {
            await SampleDuckDb.WriteAsync(database);

            var inMemory = await CliRunner.RunAsync("kpis", "--data", Data, "--quiet");
            var engine = await CliRunner.RunAsync("kpis", "--engine", "duckdb", "--connection", "Data Source=" + database, "--quiet");

            Assert.Equal(0, engine.ExitCode);
            Assert.Equal(inMemory.Output, engine.Output);
            Assert.Contains("│ Revenue             │ 1,474.92 │", engine.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(database);
        }
    }

    [Theory]
    [InlineData(new[] { "kpis", "--engine", "duckdb" }, "--engine needs --connection")]
    [InlineData(new[] { "kpis", "--engine", "sqlite", "--connection", "x" }, "--engine must be duckdb or postgres (was 'sqlite').")]
    [InlineData(new[] { "kpis", "--engine", "duckdb", "--connection", "Data Source=:memory:", "--data", "samples/data" }, "not both")]
    public async Task KpisEngine_BadFlags_AreUsageErrorsNamingTheFlag(string[] args, string message)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KpisEngineDuckDb_MissingTables_IsADataErrorNamingThem()
    {
        var result = await CliRunner.RunAsync("kpis", "--engine", "duckdb", "--connection", "Data Source=:memory:", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The duckdb engine failed", result.Output + result.Error, StringComparison.Ordinal);
    }
}

/// <summary><c>kpis --engine postgres</c> on a server named by <c>CUSTOMER_ANALYTICS_PG</c>; skipped without one.</summary>
public sealed class PostgresEngineKpisTests
{
    internal static readonly string? ConnectionString = Environment.GetEnvironmentVariable("CUSTOMER_ANALYTICS_PG") is { Length: > 0 } value ? value : null;

    [PostgresToolFact]
    public async Task KpisEnginePostgres_SamplesData_PrintsTheInMemoryTables()
    {
        var data = Path.Combine(CustomerAnalytics.Tests.Infrastructure.TestPaths.RepositoryRoot, "samples", "data");
        var schema = "cli_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new Npgsql.NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using (var command = new Npgsql.NpgsqlCommand($"CREATE SCHEMA {schema}; CREATE TABLE {schema}.customers (customer_id text, segment text, signup_date date); CREATE TABLE {schema}.products (product_id text, category text, price numeric(18,2)); CREATE TABLE {schema}.transactions (txn_id text, customer_id text, product_id text, qty integer, ts timestamptz)", connection))
            {
                await command.ExecuteNonQueryAsync();
            }

            foreach (var table in new[] { "customers", "products", "transactions" })
            {
                using var writer = await connection.BeginTextImportAsync($"COPY {schema}.{table} FROM STDIN (FORMAT csv, HEADER true)");
                await writer.WriteAsync(await File.ReadAllTextAsync(Path.Combine(data, table + ".csv")));
            }
        }

        var inMemory = await CliRunner.RunAsync("kpis", "--data", data, "--quiet");
        var engine = await CliRunner.RunAsync("kpis", "--engine", "postgres", "--connection", ConnectionString + ";Search Path=" + schema, "--quiet");

        Assert.Equal(0, engine.ExitCode);
        Assert.Equal(inMemory.Output, engine.Output);
    }
}

/// <summary>A fact that needs the PostgreSQL server of <c>CUSTOMER_ANALYTICS_PG</c>; skipped, saying how to start one, without it.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresToolFactAttribute : FactAttribute
{
    public PostgresToolFactAttribute()
    {
        if (PostgresEngineKpisTests.ConnectionString is null)
        {
            Skip = "CUSTOMER_ANALYTICS_PG is not set: start a server with 'bash eng/postgres.sh start DIR' and export its connection string to run this test.";
        }
    }
}
