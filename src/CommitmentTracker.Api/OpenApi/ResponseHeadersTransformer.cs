using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>A response header an endpoint sets on its success responses, declared so generated clients expose it.</summary>
public sealed record ResponseHeader(string Name)
{
    public static readonly ResponseHeader ETag = new("ETag");

    public static readonly ResponseHeader Link = new("Link");
}

public static class ResponseHeaderDeclarations
{
    /// <summary>Declares that the endpoint's success responses carry <paramref name="header"/>.</summary>
    public static RouteHandlerBuilder Sets(this RouteHandlerBuilder endpoint, ResponseHeader header) => endpoint.WithMetadata(header);
}

/// <summary>
/// Declares the response headers the API sets, from rules where a rule holds and from endpoint metadata where it
/// does not: Location on every 201 (each points at the created resource), ETag wherever a conditional request
/// (If-None-Match answered 304, or If-Match) is accepted or the endpoint says it sets one, Link where the endpoint
/// says so, and Retry-After on every 429.
/// </summary>
public sealed class ResponseHeadersTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, (string Description, JsonSchemaType Type, string? Format)> Headers = new()
    {
        ["Location"] = ("The address of the created resource.", JsonSchemaType.String, "uri-reference"),
        ["ETag"] = ("The resource's version; send it as If-Match to change it, or as If-None-Match to read it only if it changed.", JsonSchemaType.String, null),
        ["Link"] = ("RFC 8288 link to the next page (rel=\"next\"); follow it until a page comes back empty.", JsonSchemaType.String, null),
        ["Retry-After"] = ("Seconds to wait before trying again.", JsonSchemaType.Integer, null),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var responses = operation.Responses ?? [];
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<ResponseHeader>().Select(h => h.Name).ToHashSet();
        if (responses.ContainsKey("304") || operation.Parameters?.Any(p => p.Name == "If-Match") == true)
        {
            declared.Add(ResponseHeader.ETag.Name);
        }

        foreach (var (status, response) in responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            var names = status switch
            {
                "201" => declared.Append("Location"),
                "429" => ["Retry-After"],
                _ when status.StartsWith('2') => declared,
                _ => [],
            };
            foreach (var name in names)
            {
                var (description, type, format) = Headers[name];
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[name] = new OpenApiHeader
                {
                    Description = description,
                    Schema = new OpenApiSchema { Type = type, Format = format },
                };
            }
        }

        return Task.CompletedTask;
    }
}
