using System.Text.Json.Serialization;
using CommitmentTracker.Api.Endpoints;
using CommitmentTracker.Api.Infrastructure;
using CommitmentTracker.Api.OpenApi;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CommitmentTracker.Api;

public static class DependencyInjection
{
    /// <summary>JSON with enums as names, problem details for every error, the OpenAPI document.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));

            // A field the request type does not have is refused, not dropped: "duePhrase" where the body says "due"
            // would otherwise save a commitment without its due date and answer 201.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= $"{c.HttpContext.Request.Method} {c.HttpContext.Request.Path}";
            if (c.ProblemDetails.Status == StatusCodes.Status401Unauthorized)
            {
                c.ProblemDetails.Detail ??= $"Sign in, or send an API key in the {ApiKeySecret.Header} header.";
            }

            c.ProblemDetails.Extensions[ProblemTrace.Extension] = ProblemTrace.IdOf(c.HttpContext);
            if (c.ProblemDetails.Status >= StatusCodes.Status500InternalServerError && c.Exception is null)
            {
                // A 5xx that no exception explains (a dependency answered 503, a status-code page): still one log
                // line with the id the user was told to report. Exceptions are logged by ProblemExceptionHandler.
                ProblemTrace.LogServerError(
                    c.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProblemTrace)),
                    c.ProblemDetails.Status, c.HttpContext.Request.Method, c.HttpContext.Request.Path, ProblemTrace.IdOf(c.HttpContext));
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // Unreadable bodies and unbindable query values throw, so the exception handler can name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", o => o.AddContract());
        return services;
    }

    // Programs authenticate with a key in a header; the browser's sign-in cookie is for people and stays undocumented.
    /// <summary>Maps /api/v1, the OpenAPI document (/openapi/v1.json) and the reference page (/api/reference).</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        // Signing in is checked before the body is bound: nobody anonymous gets a 400 about a body they may not send,
        // nor has an upload read. What each caller may do is still decided by the Application's authorization
        // behaviour; endpoints that authorize themselves (the calendar feed's token) say AllowAnonymous.
        var api = app.MapGroup(AppPaths.Api).RequireAuthorization()
            .AddEndpointFilter<KnownQueryParameters>().AddEndpointFilter<ConditionalGetFilter>();
        api.MapMeetings();
        api.MapParties();
        api.MapCommitments();
        api.MapDashboard();
        api.MapImports();
        api.MapCalendarFeeds();
        api.MapSavedViews();
        api.MapWebhooks();
        api.MapApiKeys();
        api.MapUsers();
        api.MapAudit();
        api.MapChanges();

        // The contract is public, as its copy in the repository (docs/openapi) is: it describes operations, holds no
        // data, and client generators fetch it without a key. The interactive reference, which calls the API, is not.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("CommitmentTracker API").WithOpenApiRoutePattern($"{AppPaths.OpenApi}/{{documentName}}.json"))
            .RequireAuthorization();
        return app;
    }
}
