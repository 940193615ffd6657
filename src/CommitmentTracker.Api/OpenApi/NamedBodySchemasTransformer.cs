using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>
/// Moves object schemas written inline in a request or response body (a form merged with its file parts, say)
/// into components, named after the operation, so a generated client gets a named type instead of an anonymous one.
/// </summary>
public sealed class NamedBodySchemasTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            foreach (var mediaType in operation.RequestBody?.Content?.Values ?? [])
            {
                mediaType.Schema = Named(document, mediaType.Schema, $"{operation.OperationId}Request");
            }

            foreach (var (status, response) in operation.Responses ?? [])
            {
                foreach (var mediaType in response.Content?.Values ?? [])
                {
                    mediaType.Schema = Named(document, mediaType.Schema, $"{operation.OperationId}{status}Response");
                }
            }
        }

        return Task.CompletedTask;
    }

    private static IOpenApiSchema? Named(OpenApiDocument document, IOpenApiSchema? schema, string id)
    {
        if (schema is not OpenApiSchema inline)
        {
            return schema;
        }

        if (inline.Items is not null)
        {
            inline.Items = Named(document, inline.Items, id + "Item");
            return inline;
        }

        if (inline.Properties is not { Count: > 0 } && inline.AllOf is not { Count: > 0 } && inline.OneOf is not { Count: > 0 } && inline.AnyOf is not { Count: > 0 })
        {
            return inline;
        }

        document.AddComponent<IOpenApiSchema>(id, inline);
        return new OpenApiSchemaReference(id, document);
    }
}
