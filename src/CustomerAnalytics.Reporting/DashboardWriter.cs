using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CustomerAnalytics.Reporting.Charts;
using CustomerAnalytics.Reporting.Internal;

namespace CustomerAnalytics.Reporting;

/// <summary>
/// Writes a <see cref="DashboardDocument"/> as one self-contained HTML file that works offline: no scripts, no fonts,
/// images or style sheets fetched from anywhere, charts as inline SVG drawn by the package's managed chart module, and a Content Security
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
        :root{color-scheme:light;--ink:#111827;--muted:#4b5563;--line:#e5e7eb;--panel:#ffffff;--page:#f3f4f6;--accent:#2563eb}
        *{box-sizing:border-box}
        body{margin:0;padding:24px;background:var(--page);color:var(--ink);font:14px/1.45 "DejaVu Sans",system-ui,sans-serif}
        header h1{margin:0 0 4px;font-size:24px}
        header p{margin:0 0 4px;color:var(--muted)}
        header p.range{margin-bottom:20px;color:var(--ink)}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,180px),1fr));gap:12px;margin-bottom:20px}
        .card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:14px 16px}
        .card-label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
        .card-value{font-size:26px;font-weight:bold;margin-top:4px;font-variant-numeric:tabular-nums}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,520px),1fr));grid-auto-flow:dense;gap:16px}
        .panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:16px;min-width:0}
        .panel.wide{grid-column:1/-1}
        .panel h2{margin:0 0 4px;font-size:17px}
        .panel p{margin:0 0 10px;color:var(--muted)}
        svg.chart{display:block;max-width:100%;height:auto;margin:0 0 12px}
        .table-wrap{overflow-x:auto}
        .heat-scroll{overflow-x:auto;margin:0 0 12px}.heat-scroll svg.chart{max-width:none;margin:0}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
        th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        th{background:var(--panel);font-weight:bold}
        td.num,td:first-child{white-space:nowrap}
        .num{text-align:right}
        details summary{cursor:pointer;color:var(--accent);margin:0 0 8px}
        .not-shown{margin-top:16px;background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:12px 16px}
        .not-shown h2{margin:0 0 4px;font-size:15px}
        .not-shown ul{margin:0;padding-left:20px;color:var(--muted)}
        .h0{background:#eff6ff}.h1{background:#dbeafe}.h2{background:#bfdbfe}.h3{background:#93c5fd}.h4{background:#60a5fa}
        .h5{background:#2563eb;color:#fff}.h6{background:#1d4ed8;color:#fff}.h7{background:#1e40af;color:#fff}.h8{background:#1e3a8a;color:#fff}.h9{background:#172554;color:#fff}
        footer{margin-top:20px;color:var(--muted);font-size:12px}
        [hidden]{display:none!important}
        .filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end;background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin-bottom:16px}
        .filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:2px}
        .filters input,.filters select{font:inherit;color:var(--ink);padding:3px 4px;max-width:100%}
        .filter-note{flex-basis:100%;margin:0;font-size:12px;color:var(--muted)}
        p.note{margin:0 0 16px;color:var(--ink)}
        .card-change{font-size:12px;color:var(--muted);margin-top:2px}
        button{font:inherit;color:var(--accent);background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
        .filters button,.table-tools button,#drill-down>button{border:1px solid var(--line);border-radius:6px;padding:3px 10px;background:var(--page)}
        th button{font-weight:bold;color:var(--ink)}
        th[aria-sort=ascending] button::after{content:" \25B2"}th[aria-sort=descending] button::after{content:" \25BC"}
        .table-tools{margin:0 0 6px;text-align:right}
        @media (max-width:600px){body{padding:12px}.panel{padding:10px}.cards{grid-template-columns:repeat(2,minmax(0,1fr))}.card-value{font-size:20px}}
        """;

    private static readonly string StyleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(StyleSheet)));

    /// <summary>The script's files (embedded resources of this assembly) in the order they are joined: formats, tables, charts,
    /// drill-down, top products, cohorts, the model sections' listener, then the main script, which reads the data, builds
    /// the filters and draws (it must come last: the others only declare functions, or listen).</summary>
    internal static readonly IReadOnlyList<string> ScriptFiles =
        ["dashboard-format.js", "dashboard-tables.js", "dashboard-chart.js", "dashboard-drill.js", "dashboard-products.js", "dashboard-cohorts.js", "dashboard-models.js", "dashboard.js"];

    /// <summary>The page's one script (filters, sort, export, drill-down, the model sections): <see cref="ScriptFiles"/> joined in
    /// one strict-mode function, so that they share its scope and declare nothing global. The policy's hash is of this text.</summary>
    internal static string Script { get; } = ReadScript();

    private static readonly string ScriptHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)));

    /// <summary>The page's Content Security Policy: nothing may load; only the page's own style sheet applies and only its
    /// own script runs (each allowed by its SHA-256 hash; no other inline script or handler, no <c>eval</c>).</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; script-src 'sha256-{ScriptHash}'; style-src 'sha256-{StyleHash}'; img-src data:; base-uri 'none'; form-action 'none'";

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

        AppendDateRange(html, document);

        html.Append("</header>\n<main>\n");
        if (document.Interactive is not null)
        {
            html.Append("<div id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"Filters\" hidden></div>\n");
        }
        else if (!string.IsNullOrEmpty(document.InteractiveNote))
        {
            Html.Append(html.Append("<p class=\"note\">"), document.InteractiveNote).Append("</p>\n");
        }

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

        var format = Format.For(options);
        var sections = document.Sections.IsDefault ? [] : document.Sections;
        html.Append("<div class=\"grid\">\n");
        foreach (var section in sections.Where(s => s.HasData))
        {
            AppendSection(html, section, options, format);
        }

        html.Append("</div>\n");
        AppendNotShown(html, sections.Where(s => !s.HasData));
        html.Append("</main>\n<footer>Generated by CustomerAnalytics");
        if (document.GeneratedAt is { } generatedAt)
        {
            html.Append(" from data of ").Append(generatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        html.Append(".</footer>\n");
        if (document.Interactive is { } data)
        {
            // The JSON is ASCII with < > & escaped as \u003C…, so no value can end the element early (</script>, <!--).
            html.Append("<script type=\"application/json\" id=\"dashboard-data\">").Append(data.Json).Append("</script>\n");
            html.Append("<script>").Append(Script).Append("</script>\n");
        }

        html.Append("</body>\n</html>\n");
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

    private static string ReadScript() => "(function () {\n'use strict';\n" + string.Concat(ScriptFiles.Select(ReadResource)) + "})();\n";

    private static string ReadResource(string name)
    {
        using var stream = typeof(DashboardWriter).Assembly.GetManifestResourceStream("CustomerAnalytics.Reporting." + name)
            ?? throw new InvalidOperationException($"The dashboard script resource {name} is missing from CustomerAnalytics.Reporting.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void CreateFolderOf(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static void AppendDateRange(StringBuilder html, DashboardDocument document)
    {
        if (document is not { FirstDate: { } first, LastDate: { } last })
        {
            return;
        }

        html.Append("<p class=\"range\">Data from <time datetime=\"").Append(Format.Date(first)).Append("\">").Append(Format.Date(first))
            .Append("</time> to <time datetime=\"").Append(Format.Date(last)).Append("\">").Append(Format.Date(last)).Append("</time>");
        html.Append(string.Create(CultureInfo.InvariantCulture, $" ({last.DayNumber - first.DayNumber + 1} days"));
        if (!string.IsNullOrEmpty(document.TimeZoneName))
        {
            Html.Append(html.Append(", "), document.TimeZoneName);
        }

        html.Append(").</p>\n");
    }

    private static void AppendSection(StringBuilder html, DashboardSection section, DashboardOptions options, Format format)
    {
        var wide = section.HeatMap is not null || section.Table is { Columns.Length: > 8 };
        html.Append(wide ? "<section class=\"panel wide\" id=\"" : "<section class=\"panel\" id=\"").Append(section.Id)
            .Append("\" aria-labelledby=\"").Append(section.Id).Append("-title\">\n<h2 id=\"").Append(section.Id).Append("-title\">");
        Html.Append(html, section.Title).Append("</h2>\n");
        if (!string.IsNullOrEmpty(section.Description))
        {
            Html.Append(html.Append("<p>"), section.Description).Append("</p>\n");
        }

        if (section.Chart is { Labels.IsDefaultOrEmpty: false } chart)
        {
            html.Append(SvgChart.Render(chart, section.Id + "-svg", section.Title, options, format)).Append('\n');
        }

        if (section.HeatMap is { RowLabels.IsDefaultOrEmpty: false } map)
        {
            // Drawn at its own size in a box that scrolls sideways: cells stay readable and the page never scrolls.
            html.Append("<div class=\"heat-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"");
            Html.Append(html, section.Title).Append(" (scrolls sideways)\">");
            html.Append(HeatMapChart.Draw(map, section.Id + "-heat", section.Title, options, format)).Append("</div>\n");
        }

        if (section.Table is { Rows.IsDefaultOrEmpty: false } table)
        {
            // Beside a heat map the table repeats its figures: folded away (it opens without a script).
            html.Append(section.HeatMap is null ? string.Empty : "<details>\n<summary>The figures as a table</summary>\n");
            TableMarkup.Append(html, table);
            html.Append(section.HeatMap is null ? string.Empty : "</details>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendNotShown(StringBuilder html, IEnumerable<DashboardSection> sections)
    {
        var first = true;
        foreach (var section in sections)
        {
            if (first)
            {
                html.Append("<section class=\"not-shown\" aria-labelledby=\"not-shown-title\">\n<h2 id=\"not-shown-title\">Not shown</h2>\n<ul>\n");
                first = false;
            }

            Html.Append(html.Append("<li id=\"").Append(section.Id).Append("\"><strong>"), section.Title).Append("</strong>: ");
            Html.Append(html, string.IsNullOrEmpty(section.Description) ? "no data." : section.Description).Append("</li>\n");
        }

        if (!first)
        {
            html.Append("</ul>\n</section>\n");
        }
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

            if (section.Chart is { Partial.IsDefault: false } marked && marked.Partial.Length != (marked.Labels.IsDefault ? 0 : marked.Labels.Length))
            {
                problems.Add($"section '{section.Id}': the chart has {marked.Labels.Length} labels but {marked.Partial.Length} partial-period flags");
            }

            if (section.HeatMap is { RowLabels.IsDefaultOrEmpty: false } map
                && (map.ColumnLabels.IsDefaultOrEmpty || map.Values.IsDefault || map.Values.Length != map.RowLabels.Length || map.Values.Any(v => v.IsDefault || v.Length != map.ColumnLabels.Length)))
            {
                problems.Add($"section '{section.Id}': the heat map must have one row of values per row label and one value (or null) per column label");
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
