namespace CustomerAnalytics.Hosting.Internal;

/// <summary>Names a setting in the caller's language: its configuration key (<c>CustomerAnalytics:RoundMoney</c>) when
/// the options were bound from configuration, its property path (<c>CustomerAnalyticsOptions.RoundMoney</c>) otherwise.</summary>
internal sealed class OptionKeys
{
    private readonly string _prefix;
    private readonly string _separator;

    private OptionKeys(string prefix, string separator) => (_prefix, _separator) = (prefix, separator);

    /// <summary>Property paths, for options given in code.</summary>
    public static OptionKeys Code { get; } = new(nameof(CustomerAnalyticsOptions), ".");

    /// <summary>Configuration keys under the section at <paramref name="path"/>.</summary>
    public static OptionKeys Configuration(string path) => new(path, ":");

    /// <summary>The name of a setting, or of an entry under it.</summary>
    public string this[string property, string? entry = null] =>
        entry is null ? _prefix + _separator + property : _prefix + _separator + property + (_separator == ":" ? ":" + entry : $"[\"{entry}\"]");

    /// <summary>One message listing every problem.</summary>
    public static string Message(IEnumerable<string> problems) => "Invalid CustomerAnalytics settings: " + string.Join("; ", problems) + ".";
}
