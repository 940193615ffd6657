using System.Globalization;
using System.Threading.RateLimiting;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace CommitmentTracker.Host;

/// <summary>Security headers, API-key refusals and write rate limits: the parts of the pipeline only the Host composes.</summary>
public static class Hardening
{
    // Blazor Server needs its WebSocket (connect-src) and MudBlazor sets inline style attributes; nothing needs
    // inline or evaluated script.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddWriteRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permitsPerMinute = configuration.GetValue("RateLimiting:WritesPerMinute", 120);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsApiWrite(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.User.ActorId(), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permitsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"At most {permitsPerMinute} changes per minute for each user or API key. Try again in {seconds} seconds.",
                    },
                });
            };
        });
        return services;
    }

    /// <summary>
    /// The security headers, from a maintained middleware that sets them when the response starts, so answers written
    /// by the exception handler, the status-code pages or the rate limiter carry them too (the handler clears the
    /// headers a plain middleware set before it). The API reference page (Scalar) runs inline script: it alone has no CSP.
    /// </summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(p => Common(p).AddCustomHeader("Content-Security-Policy", ContentSecurityPolicy))
            .AddPolicy(ApiReferencePolicy, p => Common(p))
            .SetPolicySelector(c => c.HttpContext.Request.Path.StartsWithSegments("/api/reference") ? c.ConfiguredPolicies[ApiReferencePolicy] : c.DefaultPolicy));

    private const string ApiReferencePolicy = "api-reference";

    private static HeaderPolicyCollection Common(HeaderPolicyCollection policy) => policy
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
        .AddCustomHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        .RemoveServerHeader();

    /// <summary>
    /// Every 401 names the schemes that would be accepted (RFC 9110 §11.6.1), whichever part of the pipeline wrote
    /// it: the cookie handler, the API-key refusal or the exception handler.
    /// </summary>
    public static IApplicationBuilder UseAuthenticateChallengeHeader(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status401Unauthorized && !context.Response.Headers.ContainsKey(HeaderNames.WWWAuthenticate))
                {
                    context.Response.Headers.WWWAuthenticate = ChallengeHeader;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>An API key in X-Api-Key, or the sign-in cookie got from the sign-in page.</summary>
    public const string ChallengeHeader = "ApiKey realm=\"CommitmentTracker\", header=\"X-Api-Key\", Cookie realm=\"CommitmentTracker\", form=\"/account/sign-in\"";

    /// <summary>
    /// A request that sends a bad, expired or revoked key is refused at once with the reason, rather than treated as
    /// anonymous: a consumer learns what is wrong with its key, not just that it is not signed in.
    /// </summary>
    public static IApplicationBuilder UseApiKeyRefusals(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.ContainsKey(ApiKeySecret.Header) && context.User.Identity?.IsAuthenticated != true)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status401Unauthorized,
                        Title = "API key refused",
                        Detail = context.Features.Get<ApiKeyRefusal>()?.Reason ?? "The API key is not valid.",
                    },
                });
                return;
            }

            await next(context);
        });

    private static bool IsApiWrite(HttpRequest request) =>
        request.Path.StartsWithSegments(AppPaths.Api) && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);
}
