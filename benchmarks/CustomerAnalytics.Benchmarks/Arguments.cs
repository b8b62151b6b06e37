using System.Globalization;

namespace CustomerAnalytics.Benchmarks;

/// <summary>Parses <c>--name value</c> and <c>--flag</c> arguments; unknown names are errors.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    _values[pending] = null;
                }

                pending = arg[2..];
                var eq = pending.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    _values[pending[..eq]] = pending[(eq + 1)..];
                    pending = null;
                }
            }
            else if (pending is not null)
            {
                _values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }

        if (pending is not null)
        {
            _values[pending] = null;
        }
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _values.ContainsKey(name);
    }

    public string? String(string name)
    {
        _used.Add(name);
        return _values.TryGetValue(name, out var value) ? value : null;
    }

    public string String(string name, string fallback) => String(name) ?? fallback;

    public int Int(string name, int fallback) =>
        String(name) is { } text ? ParseCount(name, text) : fallback;

    /// <summary>Throws when an argument was given that no option read.</summary>
    public void ThrowIfUnused()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }

    /// <summary>Parses 1000, 1_000, 10k, 1M, 2.5m.</summary>
    public static int ParseCount(string name, string text)
    {
        var t = text.Replace("_", "", StringComparison.Ordinal).Trim();
        var factor = 1.0;
        if (t.EndsWith('k') || t.EndsWith('K'))
        {
            factor = 1e3;
            t = t[..^1];
        }
        else if (t.EndsWith('m') || t.EndsWith('M'))
        {
            factor = 1e6;
            t = t[..^1];
        }

        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value * factor is < 0 or > int.MaxValue)
        {
            throw new ArgumentException($"--{name}: '{text}' is not a count (examples: 1000, 10k, 1M).");
        }

        return (int)Math.Round(value * factor);
    }
}
