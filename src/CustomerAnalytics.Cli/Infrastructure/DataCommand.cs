using CustomerAnalytics.Cli.Commands;
using Spectre.Console.Cli;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>A command over loaded data: gets the consoles from the command's data and loads the input.</summary>
internal abstract class DataCommand<TSettings> : Command<TSettings>
    where TSettings : DataSettings
{
    public override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var consoles = (CliConsoles)context.Data!;
        var data = DataInputs.Load(settings, consoles.Out, RejectedPath(settings), cancellationToken);
        return Execute(consoles, settings, data, cancellationToken);
    }

    /// <summary>Where rejected rows go: <c>--rejected</c> unless the command has its own default.</summary>
    protected virtual string? RejectedPath(TSettings settings) => settings.RejectedPath;

    protected abstract int Execute(CliConsoles consoles, TSettings settings, LoadedData data, CancellationToken cancellationToken);
}
