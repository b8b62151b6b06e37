using System.Collections.Immutable;
using CustomerAnalytics.Kpis;
using Spectre.Console;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>The tool's result tables. Every cell is plain text (markup is escaped).</summary>
internal static class Tables
{
    public static Table Overall(OverallKpis overall) =>
        Create("Overall", ["Measure", "Value"], [false, true],
        [
            ["Customers", Formats.Count(overall.Customers)],
            ["Orders", Formats.Count(overall.Orders)],
            ["Order lines", Formats.Count(overall.Transactions)],
            ["Units", Formats.Count(overall.Units)],
            ["Revenue", Formats.Money(overall.Revenue)],
            ["Average order value", Formats.Money(overall.AverageOrderValue)],
        ]);

    public static Table Groups(string key, ImmutableArray<GroupKpi> groups) =>
        Create($"Revenue by {key.ToLowerInvariant()}", [key, "Revenue", "Orders", "Customers", "Units"], [false, true, true, true, true],
            groups.Select(g => new[] { g.Key, Formats.Money(g.Revenue), Formats.Count(g.Orders), Formats.Count(g.Customers), Formats.Count(g.Units) }));

    public static Table Products(ImmutableArray<ProductKpi> products) =>
        Create("Top products", ["#", "Product", "Category", "Revenue", "Units", "Orders", "Buyers"], [true, false, false, true, true, true, true],
            products.Select((p, i) => new[] { Formats.Count(i + 1), p.ProductId, p.Category, Formats.Money(p.Revenue), Formats.Count(p.Units), Formats.Count(p.Orders), Formats.Count(p.Buyers) }));

    public static Table Create(string title, string[] headers, bool[] numeric, IEnumerable<string[]> rows)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)), Border = TableBorder.Rounded };
        for (var i = 0; i < headers.Length; i++)
        {
            var column = new TableColumn(Markup.Escape(headers[i]));
            table.AddColumn(numeric[i] ? column.RightAligned() : column);
        }

        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(cell => new Spectre.Console.Text(cell))]);
        }

        return table;
    }
}
