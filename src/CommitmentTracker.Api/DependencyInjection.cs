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

            // A field sent twice is refused, not settled by the last one: {"name":"A", …, "name":"B"} says two things.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= $"{c.HttpContext.Request.Method} {c.HttpContext.Request.Path}";
            if (c.ProblemDetails.Status == StatusCodes.Status401Unauthorized)
            {
                c.ProblemDetails.Detail ??= $"Sign in, or send an API key in the {ApiKeySecret.Header} header.";
            }

            // No operation matched (a mistyped path, an id not of its operation's form such as "candidates/abc/accept",
            // or a method the path does not take): say what was asked and where the operations are listed.
            // Routing answers a method no endpoint of the path takes with a 405 endpoint of its own, so a 405 is recognised by
            // its status alone; the pages' GET routes make any unknown path such a path for the other methods.
            var request = c.HttpContext.Request;
            if (c.ProblemDetails.Status == StatusCodes.Status404NotFound && c.HttpContext.GetEndpoint() is null)
            {
                c.ProblemDetails.Detail ??= $"No operation answers {request.Method} {request.Path}. Check the path against /api/reference: an id in a path has its operation's form (a GUID for proposals, documents, keys, calendar feeds, webhooks and saved views; a code for commitments and meetings).";
            }
            else if (c.ProblemDetails.Status == StatusCodes.Status405MethodNotAllowed)
            {
                c.ProblemDetails.Detail ??= $"No {request.Method} operation answers {request.Path}: the path takes other methods, or is no path of this API. /api/reference lists every path and the methods it takes.";
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
