using System.Globalization;
using System.Text;
using CustomerAnalytics.Reporting.Charts;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>A <see cref="DashboardTable"/> as HTML: column headers with <c>scope="col"</c>, every cell escaped, heat-map
/// shading through classes <c>h0</c>…<c>h9</c>, in a box that scrolls sideways when the table is wider than the panel
/// (never a fixed height that would cut rows).</summary>
internal static class TableMarkup
{
    /// <summary>Appends the table.</summary>
    public static void Append(StringBuilder html, DashboardTable table)
    {
        html.Append("<div class=\"table-wrap\"><table>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append(column.IsNumeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">");
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
                    (_, { } value) => (table.Columns[i].IsNumeric ? "num " : string.Empty) + "h" + ChartColors.HeatStep(value).ToString(CultureInfo.InvariantCulture),
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
}
