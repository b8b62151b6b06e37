using System.Text.Json;
using CustomerAnalytics.Hosting;
using Microsoft.Extensions.Configuration;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>
/// Reads <c>--config FILE</c>: a JSON file whose <c>CustomerAnalytics</c> section is the one a service's
/// <c>appsettings.json</c> holds, bound and checked by the Hosting package (<see cref="CustomerAnalyticsOptions.FromConfiguration"/>).
/// Relative paths in it are relative to the file's folder.
/// </summary>
internal static class ConfigFile
{
    public static CustomerAnalyticsOptions Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new CliException($"Config file not found: {path} (--config).", ExitCodes.UsageError);
        }

        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or JsonException)
        {
            var json = Causes(ex).OfType<JsonException>().FirstOrDefault();
            var detail = json is not null ? $" at line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}: {FirstSentence(json.Message)}" : $": {Causes(ex).Last().Message}";
            throw new CliException($"{path}: not valid JSON{detail}", ExitCodes.UsageError);
        }

        var section = root.GetSection(CustomerAnalyticsOptions.SectionName);
        if (!section.Exists())
        {
            throw new CliException($"{path}: no '{CustomerAnalyticsOptions.SectionName}' section; put the settings in {{ \"{CustomerAnalyticsOptions.SectionName}\": {{ … }} }} (see docs/config.md).", ExitCodes.UsageError);
        }

        CustomerAnalyticsOptions options;
        try
        {
            options = CustomerAnalyticsOptions.FromConfiguration(section);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            throw new CliException($"{path}: {ex.Message} See docs/config.md for the settings.", ExitCodes.UsageError);
        }

        var folder = Path.GetDirectoryName(full)!;
        string? Resolve(string? file) => string.IsNullOrWhiteSpace(file) ? null : Path.GetFullPath(file, folder);
        return options with
        {
            DataDirectory = Resolve(options.DataDirectory),
            CustomersPath = Resolve(options.CustomersPath),
            ProductsPath = Resolve(options.ProductsPath),
            TransactionsPath = Resolve(options.TransactionsPath),
            OrderLinesPath = Resolve(options.OrderLinesPath),
        };
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static string FirstSentence(string message) => message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd();
}
