using CommitmentTracker.Application.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>
/// Declares how callers authenticate — an API key header for programs, the Identity cookie for the browser UI —
/// and requires either one on every operation whose endpoint does not allow anonymous access.
/// </summary>
public sealed class SecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string ApiKey = "ApiKey";
    public const string Cookie = "Cookie";

    public static bool AllowsAnonymous(OpenApiOperationTransformerContext context) =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.AddComponent<IOpenApiSecurityScheme>(ApiKey, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeySecret.Header,
            Description = "An API key, sent in the X-Api-Key header. Keys are created by administrators and carry scopes: read (every GET) and write (everything that changes data).",
        });
        document.AddComponent<IOpenApiSecurityScheme>(Cookie, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = ".AspNetCore.Identity.Application",
            Description = "The sign-in cookie of the web app, for calls made from the browser UI.",
        });
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!AllowsAnonymous(context))
        {
            // Two requirement objects: either scheme is enough.
            operation.Security =
            [
                new() { [new OpenApiSecuritySchemeReference(ApiKey, context.Document)] = [] },
                new() { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] },
            ];
        }
        else
        {
            // Stated, not left out: an operation without security would otherwise read as "unspecified".
            operation.Security = [];
        }

        return Task.CompletedTask;
    }
}
