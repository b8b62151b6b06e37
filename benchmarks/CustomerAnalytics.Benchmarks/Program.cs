using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Benchmarks.Compare;
using CustomerAnalytics.Benchmarks.Evaluate;

// The benchmarks' command dispatcher. Exits non-zero on any error, so CI notices.
//   generate  --transactions 1M --out DIR [--customers N] [--products N] [--seed 42] [--format csv|json|jsonl|all]
//   compare   --data DIR [--runs 5] [--approaches library,duckdb,linq] [--no-recommend]
//   compare   --job full --data DIR [--runs 3] [--approaches library,pandas,duckdb] [--out DIR]
//   evaluate  [--data DIR] [--dataset all|online-retail|completejourney|none] [--k 10] [--segment income] [--out DIR] [--metrics-rows 5M]
//   smoke     [--keep]   (everything on a tiny generated data set, in seconds; for CI)
//   bench     [BenchmarkDotNet arguments, e.g. --filter *Kpi* --job short] [--dry] [--size 1M]
try
{
    if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
    {
        Console.WriteLine(Usage.Text);
        return args.Length == 0 ? 1 : 0;
    }

    var rest = args[1..];
    return args[0] switch
    {
        "generate" => GenerateCommand.Run(new Arguments(rest)),
        "compare" => CompareCommand.Run(new Arguments(rest)),
        CompareChild.Command => CompareChild.Run(new Arguments(rest)),
        CustomerAnalytics.Benchmarks.Compare.Full.FullJobChild.Command => CustomerAnalytics.Benchmarks.Compare.Full.FullJobChild.Run(new Arguments(rest)),
        "smoke" => SmokeCommand.Run(new Arguments(rest)),
        "evaluate" => EvaluateCommand.Run(new Arguments(rest)),
        "bench" => BenchCommand.Run(rest),
        _ => throw new ArgumentException($"Unknown command '{args[0]}'.\n{Usage.Text}"),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
