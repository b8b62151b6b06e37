using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CustomerAnalytics.Reporting.Internal;

namespace CustomerAnalytics.Reporting;

/// <summary>
/// Writes a <see cref="DashboardDocument"/> as one self-contained HTML file that works offline: no scripts, no fonts,
/// images or style sheets fetched from anywhere, charts as inline SVG rendered by ScottPlot, and a Content Security
/// Policy that forbids everything except the page's own style sheet (allowed by its SHA-256 hash). Every text value
/// (ids, names, segments, categories, headings, cells) is HTML-escaped. The same document gives the same bytes.
/// </summary>
/// <example>
/// <code>
/// var document = DashboardDocument.FromDataset(dataset);
/// DashboardWriter.Write(document, "out/dashboard.html");
/// </code>
/// </example>
public static partial class DashboardWriter
{
    /// <summary>The file name the hosts use for the dashboard.</summary>
    public const string DefaultFileName = "dashboard.html";

    private const string StyleSheet = """
        :root{color-scheme:light;--ink:#111827;--muted:#6b7280;--line:#e5e7eb;--panel:#ffffff;--page:#f3f4f6;--accent:#2563eb}
        *{box-sizing:border-box}
        body{margin:0;padding:24px;background:var(--page);color:var(--ink);font:14px/1.45 "DejaVu Sans",system-ui,sans-serif}
        header h1{margin:0 0 4px;font-size:24px}
        header p{margin:0 0 20px;color:var(--muted)}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px;margin-bottom:20px}
        .card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:14px 16px}
        .card-label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
        .card-value{font-size:26px;font-weight:bold;margin-top:4px;font-variant-numeric:tabular-nums}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:16px}
        .panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:16px;min-width:0}
        .panel h2{margin:0 0 4px;font-size:17px}
        .panel p{margin:0 0 10px;color:var(--muted)}
        svg.chart{display:block;width:100%;height:auto;margin:0 0 12px}
        .table-wrap{max-height:320px;overflow:auto}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
        th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        th{position:sticky;top:0;background:var(--panel);font-weight:bold}
        .num,td:first-child{white-space:nowrap}
        .num{text-align:right}
        .empty{color:var(--muted);font-style:italic}
        .h0{background:#eff6ff}.h1{background:#dbeafe}.h2{background:#bfdbfe}.h3{background:#93c5fd}.h4{background:#60a5fa}
        .h5{background:#3b82f6;color:#fff}.h6{background:#2563eb;color:#fff}.h7{background:#1d4ed8;color:#fff}.h8{background:#1e40af;color:#fff}.h9{background:#1e3a8a;color:#fff}
        footer{margin-top:20px;color:var(--muted);font-size:12px}
        """;

    private static readonly string StyleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(StyleSheet)));

    /// <summary>The page's Content Security Policy: nothing may load or run; only the page's own style sheet applies.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{StyleHash}'; img-src data:; base-uri 'none'; form-action 'none'";

    /// <summary>Renders the document as HTML.</summary>
    /// <param name="document">The document.</param>
    /// <param name="options">The options (chart size and label length), or <see langword="null"/> for <see cref="DashboardOptions.Default"/>.</param>
    /// <returns>The complete HTML page, with LF line endings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A section id is missing, malformed or repeated; a chart has not one value per
    /// label; a table row has not one cell per column; or <paramref name="options"/> are invalid.</exception>
    public static string Render(DashboardDocument document, DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= DashboardOptions.Default;
        options.Validate();
        Validate(document);

        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta name=\"generator\" content=\"CustomerAnalytics.Reporting\">\n");
        html.Append("<title>");
        Html.Append(html, document.Title).Append("</title>\n<style>").Append(StyleSheet).Append("</style>\n</head>\n<body>\n");

        html.Append("<header>\n<h1>");
        Html.Append(html, document.Title).Append("</h1>\n");
        if (!string.IsNullOrEmpty(document.Subtitle))
        {
            Html.Append(html.Append("<p>"), document.Subtitle).Append("</p>\n");
        }

        html.Append("</header>\n<main>\n");
        if (!document.Cards.IsDefaultOrEmpty)
        {
            html.Append("<section class=\"cards\" aria-label=\"Key figures\">\n");
            foreach (var card in document.Cards)
            {
                html.Append("<div class=\"card\"><div class=\"card-label\">");
                Html.Append(html, card.Label).Append("</div><div class=\"card-value\">");
                Html.Append(html, card.Value).Append("</div></div>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("<div class=\"grid\">\n");
        foreach (var section in document.Sections.IsDefault ? [] : document.Sections)
        {
            AppendSection(html, section, options);
        }

        html.Append("</div>\n</main>\n<footer>Generated by CustomerAnalytics");
        if (document.GeneratedAt is { } generatedAt)
        {
            html.Append(" from data of ").Append(generatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        html.Append(". Charts: ScottPlot.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes the document to a file (UTF-8 without BOM), creating its folder if needed.</summary>
    /// <param name="document">The document.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="DashboardOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">See <see cref="Render"/>.</exception>
    public static void Write(DashboardDocument document, string path, DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var html = Render(document, options);
        CreateFolderOf(path);
        File.WriteAllText(path, html, new UTF8Encoding(false));
    }

    /// <summary>Writes the document to a file (UTF-8 without BOM), creating its folder if needed.</summary>
    /// <param name="document">The document.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="DashboardOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">See <see cref="Render"/>.</exception>
    public static async Task WriteAsync(DashboardDocument document, string path, DashboardOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var html = Render(document, options);
        CreateFolderOf(path);
        await File.WriteAllTextAsync(path, html, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    private static void CreateFolderOf(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static void AppendSection(StringBuilder html, DashboardSection section, DashboardOptions options)
    {
        html.Append("<section class=\"panel\" id=\"").Append(section.Id).Append("\">\n<h2>");
        Html.Append(html, section.Title).Append("</h2>\n");
        if (!string.IsNullOrEmpty(section.Description))
        {
            Html.Append(html.Append("<p>"), section.Description).Append("</p>\n");
        }

        var empty = true;
        if (section.Chart is { Labels.IsDefaultOrEmpty: false } chart)
        {
            html.Append(SvgChart.Render(chart, section.Id + "-svg", section.Title, options)).Append('\n');
            empty = false;
        }

        if (section.Table is { Rows.IsDefaultOrEmpty: false } table)
        {
            AppendTable(html, table);
            empty = false;
        }

        if (empty)
        {
            html.Append("<p class=\"empty\">No data.</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendTable(StringBuilder html, DashboardTable table)
    {
        html.Append("<div class=\"table-wrap\"><table>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append(column.IsNumeric ? "<th class=\"num\">" : "<th>");
            Html.Append(html, column.Header).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var r = 0; r < table.Rows.Length; r++)
        {
            var row = table.Rows[r];
            var heat = table.Heat.IsDefault ? default : table.Heat[r];
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                var shade = heat.IsDefault ? null : heat[i];
                var classes = (table.Columns[i].IsNumeric, shade) switch
                {
                    (_, { } value) => (table.Columns[i].IsNumeric ? "num " : string.Empty) + "h" + ((int)Math.Clamp(Math.Floor(value * 10), 0, 9)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    (true, null) => "num",
                    _ => null,
                };
                html.Append(classes is null ? "<td>" : $"<td class=\"{classes}\">");
                Html.Append(html, row[i]).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    private static void Validate(DashboardDocument document)
    {
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in document.Sections.IsDefault ? [] : document.Sections)
        {
            if (section is null)
            {
                problems.Add("a section is null");
                continue;
            }

            if (section.Id is null || !SectionId().IsMatch(section.Id))
            {
                problems.Add($"section id '{section.Id}' must be lower-case letters, digits and hyphens, starting with a letter");
            }
            else if (!ids.Add(section.Id))
            {
                problems.Add($"section id '{section.Id}' is used twice");
            }

            if (section.Chart is { } chart && !chart.Labels.IsDefaultOrEmpty && (chart.Values.IsDefault || chart.Values.Length != chart.Labels.Length))
            {
                problems.Add($"section '{section.Id}': the chart has {chart.Labels.Length} labels but {(chart.Values.IsDefault ? 0 : chart.Values.Length)} values");
            }

            if (section.Table is { } table && !table.Rows.IsDefaultOrEmpty)
            {
                var columns = table.Columns.IsDefault ? 0 : table.Columns.Length;
                for (var r = 0; r < table.Rows.Length; r++)
                {
                    var cells = table.Rows[r].IsDefault ? 0 : table.Rows[r].Length;
                    if (cells != columns)
                    {
                        problems.Add($"section '{section.Id}': table row {r + 1} has {cells} cells for {columns} columns");
                        break;
                    }
                }

                if (!table.Heat.IsDefault && (table.Heat.Length != table.Rows.Length || table.Heat.Any(h => h.IsDefault || h.Length != columns)))
                {
                    problems.Add($"section '{section.Id}': the heat map must have one value (or null) per cell");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid dashboard document: " + string.Join("; ", problems) + ".", nameof(document));
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SectionId();
}
