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
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && (ifNoneMatch.Trim() == "*" || ifNoneMatch.Split(',').Any(t => t.Trim().TrimStart('W', '/') == etag)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Ok(body);
    }
}
