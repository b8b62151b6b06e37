using System.Globalization;
using System.Text;
using CustomerAnalytics.Reporting.Internal;

namespace CustomerAnalytics.Reporting.Charts;

/// <summary>
/// Writes one inline <c>&lt;svg&gt;</c> element: presentation attributes only (no <c>style</c> attribute, which the page's
/// policy forbids), coordinates with at most one decimal, every text escaped by <see cref="Html.Append"/>.
/// </summary>
internal sealed class Svg
{
    /// <summary>The font size of all chart text, in pixels.</summary>
    public const int FontSize = 12;

    private readonly StringBuilder _xml = new(4096);

    /// <summary>Opens the element: a <c>viewBox</c> so it scales, and a <c>&lt;title&gt;</c> (id <c>{idPrefix}-1</c>) naming it.</summary>
    public Svg(string idPrefix, string title, double width, double height)
    {
        var titleId = idPrefix + "-1";
        _xml.Append(Invariant($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-labelledby=\"{titleId}\""));
        _xml.Append(Invariant($" font-family=\"DejaVu Sans, system-ui, sans-serif\" font-size=\"{FontSize}\">"));
        Html.Append(_xml.Append("<title id=\"").Append(titleId).Append("\">"), title).Append("</title>");
    }

    /// <summary>A rectangle; <paramref name="extra"/> holds further attributes, already safe (no user text).</summary>
    public Svg Rect(double x, double y, double width, double height, string fill, string? extra = null)
    {
        _xml.Append(Invariant($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(Math.Max(0, height))}\" fill=\"{fill}\""));
        return Close(extra);
    }

    /// <summary>A straight line.</summary>
    public Svg Line(double x1, double y1, double x2, double y2, string stroke, string? extra = null)
    {
        _xml.Append(Invariant($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\""));
        return Close(extra);
    }

    /// <summary>A circle.</summary>
    public Svg Circle(double x, double y, double radius, string fill, string? extra = null)
    {
        _xml.Append(Invariant($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(radius)}\" fill=\"{fill}\""));
        return Close(extra);
    }

    /// <summary>An open polyline through the points.</summary>
    public Svg Polyline(IEnumerable<(double X, double Y)> points, string stroke, string? extra = null)
    {
        _xml.Append("<polyline points=\"").AppendJoin(' ', points.Select(p => N(p.X) + "," + N(p.Y)))
            .Append(Invariant($"\" fill=\"none\" stroke=\"{stroke}\""));
        return Close(extra);
    }

    /// <summary>Text at a point (the baseline's start, middle or end by <paramref name="anchor"/>), escaped.</summary>
    public Svg Text(double x, double y, string text, string anchor = "start", string fill = ChartColors.Ink, string? extra = null)
    {
        _xml.Append(Invariant($"<text x=\"{N(x)}\" y=\"{N(y)}\""));
        if (anchor != "start")
        {
            _xml.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        _xml.Append(" fill=\"").Append(fill).Append('"');
        if (extra is not null)
        {
            _xml.Append(' ').Append(extra);
        }

        Html.Append(_xml.Append('>'), text).Append("</text>");
        return this;
    }

    /// <summary>Closes the element and returns it.</summary>
    public override string ToString() => _xml.ToString() + "</svg>";

    /// <summary>A coordinate with at most one decimal, invariant: <c>12</c>, <c>12.5</c>.</summary>
    internal static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The width of <paramref name="text"/> at <see cref="FontSize"/>, estimated (no font metrics offline).</summary>
    internal static double TextWidth(string text) => text.Length * FontSize * 0.6;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private Svg Close(string? extra)
    {
        if (extra is not null)
        {
            _xml.Append(' ').Append(extra);
        }

        _xml.Append("/>");
        return this;
    }
}
