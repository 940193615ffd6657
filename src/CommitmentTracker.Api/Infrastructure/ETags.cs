using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CommitmentTracker.Api.Infrastructure;

/// <summary>
/// Entity tags. A resource's tag starts with its version (what If-Match is checked against) and adds what
/// else shapes the representation (e.g. the overdue flag that flips at midnight), so If-None-Match never
/// answers 304 to a representation that has changed.
/// </summary>
public static class ETags
{
    public static string For(long version, params object[] representationParts) =>
        "\"" + string.Join('-', representationParts.Prepend(version).Select(p => Convert.ToString(p, CultureInfo.InvariantCulture))) + "\"";

    /// <summary>The version an If-Match header names; null when absent or '*' (any version).</summary>
    public static long? VersionFrom(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        var tag = EntityTagHeaderValue.TryParse(header.Split(',')[0].Trim(), out var parsed) ? parsed.Tag.ToString().Trim('"') : header.Trim().Trim('"');
        var version = tag.Split('-')[0];
        return long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new BadHttpRequestException($"If-Match '{header}' is not an entity tag this API issued; use the ETag of your last read.", StatusCodes.Status400BadRequest);
    }

    /// <summary>200 with the ETag, or 304 when the client already holds this representation.</summary>
    public static IResult OkOrNotModified<T>(HttpContext http, T body, string etag)
    {
        http.Response.Headers.ETag = etag;
        return NoneMatch(http.Request, etag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(body);
    }

    /// <summary>
    /// True when If-None-Match names <paramref name="etag"/> (or is *). The comparison is weak, as RFC 9110 asks
    /// for If-None-Match: W/"x" and "x" name the same representation.
    /// </summary>
    public static bool NoneMatch(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch.ToString();
        return header.Length > 0 && header.Split(',').Any(t => t.Trim() == "*" || Opaque(t) == Opaque(etag));
    }

    private static string Opaque(string tag) => tag.Trim() is var t && t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t;
}
