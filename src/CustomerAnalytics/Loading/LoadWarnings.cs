using System.Globalization;

namespace CustomerAnalytics.Loading;

/// <summary>What a load kept on an option's say-so rather than as written.</summary>
internal enum LoadWarningKind
{
    /// <summary>An amount with more decimal places than <see cref="LoadOptions.MoneyDecimals"/>, rounded.</summary>
    MoneyRounded = 0,

    /// <summary>A negative unit price kept as an adjustment (<see cref="LoadOptions.AllowNegativePrices"/>).</summary>
    NegativePrice = 1,

    /// <summary>A line without a customer id kept under the guest customer (<see cref="LoadOptions.KeepGuestLines"/>).</summary>
    GuestLine = 2,
}

/// <summary>
/// The values a load kept with a warning, by kind: every one counted, the first few listed, and reported as one warning
/// diagnostic per kind at the end of the load (so a million rounded amounts do not crowd out the errors).
/// </summary>
internal sealed class LoadWarnings
{
    /// <summary>How many values of each kind the warning lists.</summary>
    public const int Listed = 10;

    private readonly long[] _counts = new long[3];
    private readonly List<Sample>[] _samples = [[], [], []];
    private readonly List<(LoadWarningKind Kind, Sample Sample)> _row = [];

    public long Count(LoadWarningKind kind) => _counts[(int)kind];

    /// <summary>Notes a value of the current row kept with a warning; <paramref name="result"/> is what it was kept as, when that differs.</summary>
    public void Add(LoadWarningKind kind, long line, string column, string? value, string? result = null) =>
        _row.Add((kind, new Sample(line, column, value, result)));

    /// <summary>Ends the row: its values count when it was kept (a rejected row keeps nothing).</summary>
    public void EndRow(bool kept)
    {
        if (kept)
        {
            foreach (var (kind, sample) in _row)
            {
                _counts[(int)kind]++;
                if (_samples[(int)kind].Count < Listed)
                {
                    _samples[(int)kind].Add(sample);
                }
            }
        }

        _row.Clear();
    }

    /// <summary>Adds the warnings of a later part of the same source, whose lines are <paramref name="lineOffset"/> lower.</summary>
    public void Absorb(LoadWarnings part, long lineOffset)
    {
        for (var kind = 0; kind < _counts.Length; kind++)
        {
            _counts[kind] += part._counts[kind];
            foreach (var sample in part._samples[kind])
            {
                if (_samples[kind].Count < Listed)
                {
                    _samples[kind].Add(sample with { Line = sample.Line + lineOffset });
                }
            }
        }
    }

    /// <summary>One warning per kind with values, at the line of its first value.</summary>
    public IEnumerable<LoadDiagnostic> Diagnostics(string source, LoadOptions options)
    {
        for (var kind = 0; kind < _counts.Length; kind++)
        {
            if (_counts[kind] == 0)
            {
                continue;
            }

            var count = _counts[kind];
            var first = _samples[kind][0];
            var values = options.IncludeValuesInDiagnostics;
            var listed = string.Join(", ", _samples[kind].Select(s => Describe(s, values)))
                + (count > _samples[kind].Count ? ", …" : string.Empty);
            var (problem, expected) = (LoadWarningKind)kind switch
            {
                LoadWarningKind.MoneyRounded => (
                    $"{Amounts(count, "amount")} had more than {options.MoneyDecimals} decimal place{(options.MoneyDecimals == 1 ? string.Empty : "s")} and {(count == 1 ? "was" : "were")} rounded half away from zero ({listed})",
                    $"amounts with at most {options.MoneyDecimals} decimal places, or rounded as asked"),
                LoadWarningKind.NegativePrice => (
                    $"{Amounts(count, "negative unit price")} {(count == 1 ? "was" : "were")} kept as {(count == 1 ? "an adjustment" : "adjustments")}, included in revenue ({listed})",
                    "a unit price of 0 or more, or a negative one as an adjustment"),
                _ => (
                    $"{Amounts(count, "line")} without a customer id {(count == 1 ? "was" : "were")} kept under the guest customer '{options.GuestCustomerId}' ({listed})",
                    "a customer id on every line, or guest lines kept under one guest customer"),
            };
            yield return new LoadDiagnostic(source, first.Line, first.Column, values ? first.Value : null, problem, expected, null, DiagnosticSeverity.Warning);
        }
    }

    private static string Amounts(long count, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:#,0} {what}{(count == 1 ? string.Empty : "s")}");

    private static string Describe(Sample sample, bool values)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"line {sample.Line}");
        if (values && !string.IsNullOrEmpty(sample.Value))
        {
            text += $" '{sample.Value}'";
        }

        return values && sample.Result is not null ? text + " → " + sample.Result : text;
    }

    private readonly record struct Sample(long Line, string Column, string? Value, string? Result);
}
