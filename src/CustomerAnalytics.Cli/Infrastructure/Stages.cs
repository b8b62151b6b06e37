using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>Shows the stages of a long operation: live progress bars on an interactive terminal, one line per
/// finished stage otherwise, nothing with <c>--quiet</c>.</summary>
internal abstract class Stages
{
    /// <summary>Runs <paramref name="work"/> with the display that suits the console; <paramref name="bytes"/> says
    /// whether stages count bytes (a transfer-rate column) or only run (elapsed time).</summary>
    public static T Run<T>(IAnsiConsole console, bool quiet, Func<Stages, T> work, bool bytes = true)
    {
        if (quiet)
        {
            return work(new Silent());
        }

        if (!console.Profile.Capabilities.Interactive)
        {
            return work(new Lines(console));
        }

        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(bytes
                ? [new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new ElapsedTimeColumn(), new SpinnerColumn()]
                : [new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn()])
            .Start(context => work(new Bars(context)));
    }

    /// <summary>Starts a stage of <paramref name="total"/> units (bytes), or of unknown size.</summary>
    public abstract Stage Begin(string name, long? total);

    /// <summary>The rows-per-second figure shown for a finished stage.</summary>
    public static string Rate(long rows, TimeSpan elapsed) =>
        elapsed.TotalSeconds <= 0 ? "-" : (rows / elapsed.TotalSeconds).ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>One stage: advance it as bytes are read, then complete it with a summary.</summary>
    internal abstract class Stage
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

        public abstract void Advance(long units);

        public abstract void Complete(string summary);
    }

    private sealed class Silent : Stages
    {
        public override Stage Begin(string name, long? total) => new Quiet();

        private sealed class Quiet : Stage
        {
            public override void Advance(long units)
            {
            }

            public override void Complete(string summary)
            {
            }
        }
    }

    private sealed class Lines(IAnsiConsole console) : Stages
    {
        public override Stage Begin(string name, long? total) => new Line(console, name);

        private sealed class Line(IAnsiConsole console, string name) : Stage
        {
            public override void Advance(long units)
            {
            }

            public override void Complete(string summary) =>
                console.MarkupLine($"[green]✓[/] {Markup.Escape(name)}: {Markup.Escape(summary)}");
        }
    }

    private sealed class Bars(ProgressContext context) : Stages
    {
        public override Stage Begin(string name, long? total)
        {
            var task = context.AddTask(Markup.Escape(name), maxValue: Math.Max(1, total ?? 1));
            task.IsIndeterminate = total is null;
            return new Bar(task, name);
        }

        private sealed class Bar(ProgressTask task, string name) : Stage
        {
            public override void Advance(long units) => task.Increment(units);

            public override void Complete(string summary)
            {
                task.Description = $"{Markup.Escape(name)} [grey]{Markup.Escape(summary)}[/]";
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }
}
