namespace CustomerAnalytics.Benchmarks;

internal static class Usage
{
    public const string Text = """
        CustomerAnalytics.Benchmarks <command> [options]

          generate  --transactions 1M --out DIR [--customers N] [--products N] [--seed 42] [--format csv|json|jsonl|all]
                    [--ids sequential|realistic|both]
                    Writes customers, products and transactions (deterministic for a seed), streamed (memory grows
                    with the customers, not the transactions; 100M works). realistic: UUID customers, SKU-77423-181
                    products, SO-000000001 orders, customer file shuffled; the same figures. both: DIR/sequential
                    and DIR/realistic.
          compare   --data DIR [--runs 5] [--approaches library,duckdb,linq] [--no-recommend] [--tiered-jit]
                    [--ids sequential|realistic|both]
                    The end-to-end job (load three CSVs, enrich, overall KPIs, revenue by segment and category,
                    top 10 products) with this library, DuckDB and CsvHelper + LINQ, alternated, each run in its own
                    child process (DOTNET_TieredCompilation=0 unless --tiered-jit); checks they agree to the cent;
                    prints medians, peak memory, ratios to DuckDB. --ids: DIR is a generate --ids both folder;
                    one table per style, and the styles must give the same figures.
          compare   --job full --data DIR [--runs 3] [--approaches library,pandas,duckdb] [--out DIR] [--tiered-jit]
                    The whole job with every artifact: the library's run + WriteArtifacts, the job written with
                    pandas as the original demo writes it (/usr/bin/python3 with Debian's python3-pandas; skipped
                    with the reason otherwise) and DuckDB (KPIs in SQL, COPY TO CSV). Medians per stage (load,
                    enrich, kpis, recommend, write, total) over alternated runs; then every file that overlaps the
                    library's is compared with it: DuckDB's byte for byte, pandas' cell by cell, money to the cent
                    (exit 1 on a difference). --out DIR keeps each approach's first output.
          evaluate  [--data DIR] [--dataset all|online-retail|completejourney|none] [--k 10] [--segment income] [--out DIR] [--metrics-rows 5M]
                    Compares the recommenders on the real data (../shared/data) with a time cut-off: Markdown tables
                    on stdout (and Markdown, CSV, JSON under --out); then times the ranking metrics over 5M rows.
          smoke     [--keep]
                    Generates a tiny data set and runs generate, compare and every benchmark once (seconds; for CI).
          bench     [--dry] [--size 1M] [BenchmarkDotNet options, e.g. --filter *Kpi* --job short]
                    The BenchmarkDotNet suites (one per stage) on a generated data set (cached under the temp folder).
        """;
}
