using System.Globalization;
using System.Text;
using CsvHelper;

namespace CustomerAnalytics.Benchmarks.Compare.Full;

/// <summary>
/// Compares one output file of two approaches: byte for byte (the same format), or cell by cell by column name
/// (another format: pandas'), money to the cent, timestamps as instants, dates as dates, everything else as text.
/// The first difference is reported with the file, line and column.
/// </summary>
internal static class ArtifactComparer
{
    private static readonly HashSet<string> MoneyColumns = new(["revenue", "price", "average_order_value"], StringComparer.Ordinal);
    private static readonly HashSet<string> TimeColumns = new(["ts", "signup_date"], StringComparer.Ordinal);

    /// <summary>Whether the two files hold the same bytes (rows: the lines after the header); the first difference names its line and column.</summary>
    public static FileComparison Bytes(string file, string expected, string actual)
    {
        using var a = new BufferedStream(File.OpenRead(expected), 1 << 20);
        using var b = new BufferedStream(File.OpenRead(actual), 1 << 20);
        long line = 1, column = 1, offset = 0;
        while (true)
        {
            int x = a.ReadByte(), y = b.ReadByte();
            if (x != y)
            {
                var what = x < 0 ? "the first file ends" : y < 0 ? "the second file ends" : $"byte 0x{x:x2} vs 0x{y:x2}";
                return new FileComparison(file, "bytes", Math.Max(0, line - 2), $"{file}: line {line}, column {column} (byte offset {offset}): {what} ({expected} vs {actual})");
            }

            if (x < 0)
            {
                return new FileComparison(file, "bytes", Math.Max(0, line - 2), null);
            }

            offset++;
            (line, column) = x == '\n' ? (line + 1, 1) : (line, column + 1);
        }
    }

    /// <summary>
    /// Whether every row of <paramref name="actual"/> holds, in each column it shares with <paramref name="expected"/>
    /// (by header name), the same value; rows are compared in order and their counts must match.
    /// </summary>
    public static FileComparison Cells(string file, string expected, string actual)
    {
        using var a = Open(expected);
        using var b = Open(actual);
        a.ReadHeader();
        b.ReadHeader();
        string[] headersA = [.. a.Headers], headersB = [.. b.Headers];
        var shared = headersA.Intersect(headersB, StringComparer.Ordinal).ToArray();
        var method = "cells (" + string.Join(", ", shared.Select(c => MoneyColumns.Contains(c) ? c + " to the cent" : c)) + ")";
        if (shared.Length == 0)
        {
            return new FileComparison(file, method, 0, $"{file}: no column in common ({expected}: {string.Join(",", headersA)}; {actual}: {string.Join(",", headersB)})");
        }

        var columns = shared.Select(c => (Name: c, A: Array.IndexOf(headersA, c), B: Array.IndexOf(headersB, c))).ToArray();
        long rows = 0;
        while (true)
        {
            bool moreA = a.Read(), moreB = b.Read();
            if (moreA != moreB)
            {
                var longer = moreA ? expected : actual;
                return new FileComparison(file, method, rows, $"{file}: {rows:N0} rows in one file, more in {longer} (line {rows + 2})");
            }

            if (!moreA)
            {
                return new FileComparison(file, method, rows, null);
            }

            rows++;
            foreach (var (column, i, j) in columns)
            {
                string x = Field(a, i), y = Field(b, j);
                if (!SameValue(column, x, y))
                {
                    return new FileComparison(file, method, rows, $"{file}: line {rows + 1}, column {column}: '{x}' ({expected}) vs '{y}' ({actual})");
                }
            }
        }
    }

    /// <summary>The same value of <paramref name="column"/> in two formats: money to the cent, instants and dates (<c>ts</c>, <c>signup_date</c>), or the same text.</summary>
    public static bool SameValue(string column, string x, string y)
    {
        if (x == y)
        {
            return true;
        }

        if (MoneyColumns.Contains(column))
        {
            return decimal.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
                && decimal.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                && Math.Round(m, 2, MidpointRounding.AwayFromZero) == Math.Round(n, 2, MidpointRounding.AwayFromZero);
        }

        if (TimeColumns.Contains(column)
            && DateTimeOffset.TryParse(x, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s)
            && DateTimeOffset.TryParse(y, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            return s == t;
        }

        return false;
    }

    private static CsvReader Open(string path) => CsvReader.Create(File.OpenRead(path));

    private static string Field(CsvReader reader, int index) =>
        index < reader.FieldCount ? Encoding.UTF8.GetString(reader.GetSpan(index)) : "";
}

/// <summary>One output file compared: how, over how many rows, and the first difference (<see langword="null"/> when equal).</summary>
internal sealed record FileComparison(string File, string Method, long Rows, string? Difference)
{
    public bool Equal => Difference is null;
}
