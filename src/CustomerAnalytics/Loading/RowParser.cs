using System.Globalization;
using System.Text;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Reads the rows of one table kind: binds its columns to the headers once, then parses each row's fields from UTF-8
/// spans, reporting every problem of the row to the <see cref="LoadSession"/> before deciding whether it is kept.
/// </summary>
internal abstract class RowParser(LoadSession session)
{
    /// <summary>The hint for an empty required value.</summary>
    protected static readonly HintParts FillIn = new("Fill it in", LoadRemedy.Lenient);

    private TimestampFieldParser.ZoneCache _zoneCache;

    public LoadSession Session { get; } = session;

    protected LoadOptions Options => Session.Options;

    /// <summary>Finds the columns; throws one <see cref="DataLoadException"/> naming every required column missing.</summary>
    public void Bind(TabularReader reader)
    {
        var binder = new ColumnBinder(reader);
        BindColumns(binder);
        if (binder.Missing.Count > 0 || binder.Ambiguous.Count > 0)
        {
            LoadThrow.DataLoadException_Columns(Session, binder, reader);
        }
    }

    /// <summary>Parses the current row (the session's row is begun); ends it and keeps the row when it is good.</summary>
    public abstract void ParseRow(TabularReader reader);

    /// <summary>Called once after the last row.</summary>
    public virtual void Complete()
    {
    }

    protected abstract void BindColumns(ColumnBinder binder);

    /// <summary>A required, non-empty id, interned: its index in <paramref name="pool"/>, or −1 (reported) when empty.</summary>
    protected int ReadId(TabularReader reader, Column column, Utf8Interner pool, string what, HintParts? hint = null)
    {
        var value = FieldParsers.Trim(reader.Field(column.Index));
        if (value.IsEmpty)
        {
            Session.RowError(column.Name, string.Empty, $"the {what} is empty", $"a non-empty {what}", hint ?? FillIn);
            return -1;
        }

        return CheckIdText(column, value, what) ? pool.IndexOf(value) : -1;
    }

    /// <summary>
    /// Rejects an id that is not valid UTF-8 or holds a NUL byte: two damaged ids could read as the same text, and a
    /// NUL shows nowhere. Returns whether the id is sound.
    /// </summary>
    protected bool CheckIdText(Column column, ReadOnlySpan<byte> value, string what)
    {
        var flaw = FieldParsers.CheckText(value);
        if (flaw == FieldParsers.TextFlaw.None)
        {
            return true;
        }

        Session.RowError(column.Name, value, flaw == FieldParsers.TextFlaw.Nul ? $"the {what} holds a NUL byte" : $"the {what} is not valid UTF-8", "an id in UTF-8 without NUL bytes", FlawHint(flaw));
        return false;
    }

    /// <summary>Warns of text that is not valid UTF-8 or holds a NUL byte; the row is still loaded (with U+FFFD for each bad byte).</summary>
    private void CheckText(Column column, ReadOnlySpan<byte> value, string what)
    {
        var flaw = FieldParsers.CheckText(value);
        if (flaw != FieldParsers.TextFlaw.None)
        {
            Session.RowWarning(column.Name, value, flaw == FieldParsers.TextFlaw.Nul ? $"the {what} holds a NUL byte" : $"the {what} is not valid UTF-8 (each invalid byte reads as \uFFFD)", "text in UTF-8", FlawHint(flaw));
        }
    }

    private static string FlawHint(FieldParsers.TextFlaw flaw) => flaw == FieldParsers.TextFlaw.Nul
        ? "A NUL byte in a text file is damage, or a file in UTF-16: set LoadOptions.Encoding (for example Encoding.Unicode)."
        : "Set LoadOptions.Encoding to the file's encoding (for example Encoding.Latin1).";

    /// <summary>Required text (a segment, a category), interned; empty is an error.</summary>
    protected string? ReadRequiredText(TabularReader reader, Column column, Utf8Interner pool, string what)
    {
        var value = FieldParsers.Trim(reader.Field(column.Index));
        if (value.IsEmpty)
        {
            Session.RowError(column.Name, string.Empty, $"the {what} is empty", $"a {what}", FillIn);
            return null;
        }

        CheckText(column, value, what);
        return pool.Intern(value);
    }

    /// <summary>Optional text, interned; <see langword="null"/> when the column is absent or the value empty.</summary>
    protected string? ReadOptionalText(TabularReader reader, Column column, Utf8Interner pool, string what = "text")
    {
        if (!column.Exists)
        {
            return null;
        }

        var value = FieldParsers.Trim(reader.Field(column.Index));
        if (value.IsEmpty)
        {
            return null;
        }

        CheckText(column, value, what);
        return pool.Intern(value);
    }

    protected bool TryReadQuantity(TabularReader reader, Column column, out int quantity)
    {
        var value = FieldParsers.Trim(reader.Field(column.Index));
        if (FieldParsers.TryParseInt32(value, out quantity))
        {
            return true;
        }

        Session.RowError(column.Name, value, value.IsEmpty ? "the quantity is empty" : "not a whole number", "a whole number such as 3, or -1 for a return", null);
        return false;
    }

    /// <summary>
    /// Optional money: <see cref="Money.None"/> when absent or empty; a negative value is an error unless allowed, or kept
    /// as an adjustment (with a warning) when it is an <paramref name="adjustment"/> and the options allow negative prices.
    /// An amount with more places than <see cref="LoadOptions.MoneyDecimals"/> is rounded (with a warning).
    /// </summary>
    protected bool TryReadMoney(TabularReader reader, Column column, bool allowNegative, out long units, bool adjustment = false)
    {
        units = Money.None;
        if (!column.Exists)
        {
            return true;
        }

        var value = FieldParsers.Trim(reader.Field(column.Index));
        if (value.IsEmpty)
        {
            return true;
        }

        string problem;
        string expected;
        HintParts hint = default;
        var parse = MoneyFieldParser.TryParseMoney(value, out units);
        if (Options.MoneyDecimals is { } decimals && MoneyFieldParser.RoundMoney(value, decimals, ref parse, ref units))
        {
            Warn(LoadWarningKind.MoneyRounded, column, value, Money.ToDecimal(units).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        }

        switch (parse)
        {
            case MoneyFieldParser.MoneyParse.Ok when units >= 0 || allowNegative:
                return true;
            case MoneyFieldParser.MoneyParse.Ok when adjustment && Options.AllowNegativePrices:
                Warn(LoadWarningKind.NegativePrice, column, value);
                return true;
            case MoneyFieldParser.MoneyParse.Ok:
                problem = "the price is negative";
                expected = "a price of 0 or more";
                hint = new HintParts("A return is a negative quantity at a positive price", (adjustment ? LoadRemedy.AllowNegativePrices : LoadRemedy.None) | LoadRemedy.Lenient);
                break;
            case MoneyFieldParser.MoneyParse.TooPrecise:
                problem = $"more than {Money.Scale} decimal places";
                expected = $"an amount with at most {Money.Scale} decimal places (money is kept exactly as written)";
                hint = new HintParts("Round it in the source", LoadRemedy.MoneyDecimals | LoadRemedy.Lenient);
                break;
            case MoneyFieldParser.MoneyParse.OutOfRange:
                problem = "the amount is too large";
                var bound = (long.MaxValue / Money.Factor).ToString("N0", CultureInfo.InvariantCulture);
                expected = $"an amount between -{bound} and {bound}";
                break;
            default:
                problem = "not a number";
                expected = "a decimal number with '.' as the decimal point and no thousands separator, such as 19.99";
                break;
        }

        units = Money.None;
        Session.RowError(column.Name, value, problem, expected, hint);
        return false;
    }

    /// <summary>Counts a value kept on an option's say-so (reported as one warning per kind at the end of the load).</summary>
    protected void Warn(LoadWarningKind kind, Column column, ReadOnlySpan<byte> value, string? result = null) =>
        Session.Warnings.Add(kind, Session.CurrentLine, column.Name, value.IsEmpty ? null : Encoding.UTF8.GetString(value), result);

    protected bool TryReadTimestamp(TabularReader reader, Column column, out DateTimeOffset timestamp)
    {
        var value = FieldParsers.Trim(reader.Field(column.Index));
        if (TimestampFieldParser.TryParseTimestamp(value, Options.SourceTimeZone, ref _zoneCache, out timestamp))
        {
            return true;
        }

        if (TimestampFieldParser.IsTooPreciseTimestamp(value))
        {
            Session.RowError(
                column.Name,
                value,
                "more than 7 digits after the seconds' decimal point",
                "a timestamp to a tenth of a microsecond at most (7 digits, such as 2024-03-01T10:00:00.1234567Z)",
                "Round the timestamps to 7 digits before loading: nothing is rounded here.");
            return false;
        }

        Session.RowError(
            column.Name,
            value,
            value.IsEmpty ? "the timestamp is empty" : "not a timestamp",
            "an ISO 8601 timestamp such as 2024-03-01T10:00:00Z, 2024-03-01 10:00:00 or 2024-03-01",
            new HintParts(null, LoadRemedy.SourceTimeZone, $"A timestamp without an offset is read in LoadOptions.SourceTimeZone ({Options.SourceTimeZone.Id}); a local time skipped by a daylight saving change is invalid there."));
        return false;
    }

    /// <summary>An optional date: <see langword="null"/> when absent or empty.</summary>
    protected bool TryReadDate(TabularReader reader, Column column, out DateOnly? date)
    {
        date = null;
        if (!column.Exists)
        {
            return true;
        }

        var value = FieldParsers.Trim(reader.Field(column.Index));
        if (value.IsEmpty)
        {
            return true;
        }

        if (TimestampFieldParser.TryParseDate(value, out var parsed))
        {
            date = parsed;
            return true;
        }

        Session.RowError(column.Name, value, "not a date", "a date such as 2024-01-10 (yyyy-MM-dd)", "Leave the cell empty when the date is unknown.");
        return false;
    }

    /// <summary>
    /// Reports an id seen before in this source (by its index in the source's interner); returns whether the id is new.
    /// Only a row kept claims its id: a later good row with the id of a rejected one is not a repeat.
    /// </summary>
    protected bool CheckUnique(List<long> firstLines, int index, Column column, string id, string what)
    {
        // Indexes are dense in order of first appearance; −1 is "not claimed yet".
        while (firstLines.Count <= index)
        {
            firstLines.Add(-1);
        }

        var firstLine = firstLines[index];
        if (firstLine < 0)
        {
            if (!Session.RowFailed)
            {
                firstLines[index] = Session.CurrentLine;
            }

            return true;
        }

        Session.RowError(
            column.Name,
            id,
            $"the {what} appears again (first on line {firstLine.ToString(CultureInfo.InvariantCulture)})",
            $"each {what} once",
            new HintParts("Remove the repeated row (the first row is kept, the repeats are rejected)", LoadRemedy.Lenient));
        return false;
    }
}
