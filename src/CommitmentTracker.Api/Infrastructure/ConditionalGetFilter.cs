using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommitmentTracker.Api.Infrastructure;

/// <summary>
/// Makes polling cheap and correct for every JSON read of the API. Collections get a weak ETag — a hash of the
/// representation, since a page has no version of its own — and If-None-Match answers 304. Single resources keep
/// the strong, version-based tag their endpoint sets. Reads are marked <c>private, no-cache</c>: a client may keep
/// them but must revalidate, and no shared cache stores data that will soon need credentials.
/// </summary>
public sealed class ConditionalGetFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            return await next(context);
        }

        // Before the endpoint runs: a streamed response (the CSV export) has sent its headers by the time it returns.
        http.Response.Headers.CacheControl = "private, no-cache";
        var result = await next(context);
        if (http.Response.HasStarted
            || result is not (IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: 200 })
            || http.Response.Headers.ETag.Count > 0)
        {
            return result;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        var etag = $"W/\"{Convert.ToBase64String(SHA256.HashData(json), 0, 16).TrimEnd('=')}\"";
        http.Response.Headers.ETag = etag;
        return ETags.NoneMatch(http.Request, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(json, "application/json; charset=utf-8");
    }
}
