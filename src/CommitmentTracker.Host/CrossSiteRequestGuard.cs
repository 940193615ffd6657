using Microsoft.AspNetCore.Mvc;

namespace CommitmentTracker.Host;

/// <summary>
/// Cross-site request forgery defence for the API when the browser's sign-in cookie authenticates it (ADR 0017).
/// SameSite=Lax does not stop a page on another port of the same host (same site, other origin) from sending the
/// cookie, so an unsafe request (POST, PUT, PATCH, DELETE) to /api that carries the cookie and no API key is refused
/// with 403 unless
/// <list type="bullet">
/// <item>the browser says it comes from this origin: <c>Sec-Fetch-Site: same-origin</c>, or, from browsers that do
/// not send that header, an <c>Origin</c> equal to the app's own; a request with neither is not a browser's and
/// passes this check, and</item>
/// <item>it carries the <c>X-CSRF</c> header. A form cannot set a header and a script on another origin can only with
/// a CORS preflight this app never grants, so the header proves the request was made by code running on this origin
/// (or by a program that holds the cookie itself).</item>
/// </list>
/// Requests with an API key are not affected: a browser never attaches a key by itself. The Blazor UI sends its
/// actions over its circuit, and the sign-in, sign-out and password forms are outside /api and check their own
/// antiforgery tokens.
/// </summary>
public static class CrossSiteRequestGuard
{
    /// <summary>The header a cookie-authenticated API write must carry (any non-empty value, e.g. 1).</summary>
    public const string Header = "X-CSRF";

    private const string CookieName = ".AspNetCore.Identity.Application";

    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Only a request the cookie really signed in: an expired cookie is answered 401 further on.
            if (context.User.Identity?.IsAuthenticated == true && Refusal(context.Request) is { } reason)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "Cross-site request refused",
                        Detail = reason,
                    },
                });
                return;
            }

            await next(context);
        });

    /// <summary>Why the request is refused, or null when it may go on.</summary>
    public static string? Refusal(HttpRequest request)
    {
        if (!request.Path.StartsWithSegments("/api") || IsSafe(request.Method)
            || request.Headers.ContainsKey("X-Api-Key") || !request.Cookies.ContainsKey(CookieName))
        {
            return null;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return $"This request came from another site or origin (Sec-Fetch-Site: {site}); changes made with the sign-in cookie must come from this app's own pages. Programs use an API key.";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return $"This request came from another origin ({origin}); changes made with the sign-in cookie must come from this app's own pages. Programs use an API key.";
        }

        if (string.IsNullOrWhiteSpace(request.Headers[Header]))
        {
            return $"Changes made with the sign-in cookie need the {Header} header (any value, e.g. {Header}: 1), which a page on another site cannot add. Programs use an API key.";
        }

        return null;
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
