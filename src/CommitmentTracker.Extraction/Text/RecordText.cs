using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CommitmentTracker.Extraction;

/// <summary>A record's text made ready to store: what the offsets of every proposal point into.</summary>
public sealed record PreparedText(string Text, bool WasHtml, bool DecodedEntities);

/// <summary>
/// Turns what an analyst pastes or uploads into the text that is stored: an HTML page becomes its readable text
/// (scripts, styles, navigation and page furniture dropped, entities decoded, one line per block), and plain text
/// that still carries HTML entities ("$1&amp;nbsp;billion") has them decoded. Plain text without entities is kept
/// exactly as given.
/// </summary>
public static partial class RecordText
{
    private static readonly string[] Dropped = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "select", "menu"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "tr", "table",
        "br", "hr", "dd", "dt", "dl", "figcaption", "figure", "pre", "address", "body",
    };

    public static PreparedText Prepare(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (LooksLikeHtml(input))
        {
            return new PreparedText(FromHtml(input), WasHtml: true, DecodedEntities: true);
        }

        if (Entity().IsMatch(input))
        {
            return new PreparedText(WebUtility.HtmlDecode(input).Replace('\u00a0', ' '), WasHtml: false, DecodedEntities: true);
        }

        return new PreparedText(input, WasHtml: false, DecodedEntities: false);
    }

    /// <summary>A page, not text that merely mentions a tag: a document type, or several block tags.</summary>
    public static bool LooksLikeHtml(string input) =>
        input.TrimStart().StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
        || input.TrimStart().StartsWith("<html", StringComparison.OrdinalIgnoreCase)
        || BlockTag().Count(input) >= 3;

    private static string FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll(string.Join(',', Dropped)).ToList())
        {
            element.Remove();
        }

        // The article itself when the page marks it; else the body.
        var root = (IElement?)document.QuerySelector("article") ?? (IElement?)document.QuerySelector("main") ?? document.Body;
        var builder = new StringBuilder();
        if (document.Title is { Length: > 0 } title && root?.QuerySelector("h1") is null)
        {
            builder.Append(title.Trim()).Append('\n');
        }

        if (root is not null)
        {
            Append(root, builder);
        }

        var lines = builder.ToString().Split('\n')
            .Select(l => Spaces().Replace(l.Replace('\u00a0', ' '), " ").Trim())
            .Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element:
                    var block = Blocks.Contains(element.LocalName);
                    if (block)
                    {
                        builder.Append('\n');
                    }

                    Append(element, builder);
                    if (block)
                    {
                        builder.Append('\n');
                    }

                    break;
            }
        }
    }

    [GeneratedRegex(@"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")]
    private static partial Regex Entity();

    [GeneratedRegex(@"<(?:p|div|br|span|article|section|h[1-6]|ul|li|table|a\s+href|body|head|meta|link|script)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();
}
