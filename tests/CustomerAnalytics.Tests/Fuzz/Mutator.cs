using System.Text;
using System.Text.Json;

namespace CustomerAnalytics.Tests.Fuzz;

/// <summary>Renders a table as CSV, JSON or JSON Lines, and damages bytes the way real files are damaged, from a seeded <see cref="Random"/>.</summary>
internal static class Mutator
{
    private static readonly byte[] Interesting = "\",;\t\n\r{}[]:\\ \u0000-+.eE0123456789"u8.ToArray();

    private static readonly string[] Tokens =
    [
        "\"", "\"\"", "\r", "\r\n", "\n\n", ",", "\\udc00", "\\ud83d", "\\u0000", "\\", "NaN", "Infinity", "1e30", "-1e400",
        "99999999999999999999", "922337203685478", "0.00001", "2024-02-30", "2024-03-01T10:00:00.12345678Z", "24:00",
        "+14:30", "null", "true", "[]", "{}", "[{", "}]", "][", "//", "\uFEFF", "Café", "\u00e9", "customer_id", "segment",
        "qty", "id", "\t", " ", "\"a\":1,", "\"segment\":\"X\",",
    ];

    /// <summary>The table as a file of the extension's format (values as JSON strings).</summary>
    public static byte[] Render(string[] header, string[][] rows, string extension)
    {
        var text = new StringBuilder();
        switch (extension)
        {
            case ".csv":
                text.AppendJoin(',', header).Append('\n');
                foreach (var row in rows)
                {
                    text.AppendJoin(',', row.Select(Csv)).Append('\n');
                }

                break;
            case ".json":
                text.Append("[\n").AppendJoin(",\n", rows.Select(row => Json(header, row))).Append("\n]\n");
                break;
            default:
                text.AppendJoin('\n', rows.Select(row => Json(header, row))).Append('\n');
                break;
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>One to three damages: bytes replaced, inserted, deleted, repeated or cut off, tokens inserted.</summary>
    public static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        var count = random.Next(1, 4);
        for (var i = 0; i < count && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(8))
            {
                case 0:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 12), bytes.Count - at));
                    break;
                case 4:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)));
                    break;
                case 5:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
            }
        }

        return [.. bytes];
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Json(string[] header, string[] row) =>
        "{" + string.Join(",", header.Select((name, i) => JsonSerializer.Serialize(name) + ":" + JsonSerializer.Serialize(row[i]))) + "}";
}
