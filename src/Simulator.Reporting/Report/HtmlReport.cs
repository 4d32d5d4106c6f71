using System.Globalization;
using System.Net;
using System.Text;

namespace Simulator.Reporting.Report;

/// <summary>
/// A self-contained HTML page: inline CSS, plots embedded as PNG data URIs, no scripts or
/// external requests, so the file can be mailed or attached to a CI run and still open.
/// </summary>
internal sealed class HtmlReport
{
    private readonly StringBuilder _body = new();
    private readonly string _title;

    public HtmlReport(string title, string subtitle)
    {
        _title = title;
        _body.Append(CultureInfo.InvariantCulture, $"<header><h1>{E(title)}</h1><p class=\"sub\">{E(subtitle)}</p></header>\n");
    }

    public HtmlReport Heading(string text, string id)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{E(id)}\">{E(text)}</h2>\n");
        return this;
    }

    public HtmlReport Paragraph(string text, string? cssClass = null)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<p{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>{E(text)}</p>\n");
        return this;
    }

    /// <summary>A table; cells starting with "✗" or "✓" are coloured as verdicts.</summary>
    public HtmlReport Table(string id, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<table id=\"{E(id)}\"><thead><tr>");
        foreach (var h in header)
        {
            _body.Append(CultureInfo.InvariantCulture, $"<th>{E(h)}</th>");
        }

        _body.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row)
            {
                var css = cell.StartsWith('✗') ? " class=\"bad\"" : cell.StartsWith('✓') ? " class=\"good\"" : "";
                _body.Append(CultureInfo.InvariantCulture, $"<td{css}>{E(cell)}</td>");
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</tbody></table>\n");
        return this;
    }

    public HtmlReport Charts(IEnumerable<Chart> charts)
    {
        _body.Append("<div class=\"charts\">\n");
        foreach (var c in charts)
        {
            _body.Append(CultureInfo.InvariantCulture, $"<figure><img class=\"plot\" alt=\"{E(c.Caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(c.Png)}\"><figcaption>{E(c.Caption)}</figcaption></figure>\n");
        }

        _body.Append("</div>\n");
        return this;
    }

    public HtmlReport Preformatted(string id, string text)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<pre id=\"{E(id)}\">{E(text)}</pre>\n");
        return this;
    }

    public override string ToString() =>
        $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(_title)}}</title>
        <style>
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;max-width:1180px;margin:0 auto;padding:16px 24px;background:#fff}
        h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
        .sub{color:#555;margin-top:0}.note{color:#555;font-size:.92em}.warning{color:#b00020;font-weight:600;border-left:4px solid #b00020;padding-left:8px}
        table{border-collapse:collapse;margin:.6em 0;font-size:.92em;width:100%}
        th,td{border-bottom:1px solid #e3e3e3;padding:4px 8px;text-align:right;white-space:nowrap}
        th:first-child,td:first-child{text-align:left}th{background:#f5f5f5;position:sticky;top:0}
        td.bad{color:#b00020;font-weight:600}td.good{color:#1b7a1b;font-weight:600}
        .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:12px}
        figure{margin:0;border:1px solid #eee;padding:6px}img.plot{width:100%;height:auto;display:block}
        figcaption{font-size:.85em;color:#555;margin-top:4px}
        pre{background:#f7f7f7;border:1px solid #e5e5e5;padding:10px;overflow:auto;font-size:.85em;max-height:520px}
        </style></head><body>
        {{_body}}</body></html>

        """;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
