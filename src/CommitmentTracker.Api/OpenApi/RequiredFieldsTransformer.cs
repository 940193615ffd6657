using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>
/// "Required" says what is always there. The server writes every property of what it returns (null when empty), so
/// every property of a response schema is required, and generated clients need no checks for absent fields. A
/// nullable field of a request body may be left out: the serializer binds a missing property as null, exactly as an
/// explicit null, so it is not required (positional records would otherwise demand every constructor parameter).
/// A schema used both ways keeps what the generator said, and so do the RFC 9457 problem types, whose members are
/// all optional and left out when empty.
/// </summary>
public sealed class RequiredFieldsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var operations = SchemaGraph.Operations(document).ToList();

        var sentByClients = SchemaGraph.Reachable(components, operations.SelectMany(o => o.RequestBody?.Content?.Values ?? []).Select(m => m.Schema));
        var sentByServer = SchemaGraph.Reachable(components, operations
            .SelectMany(o => o.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            .SelectMany(r => r.Content?.Values ?? []).Select(m => m.Schema));

        foreach (var id in sentByServer.Except(sentByClients).Where(id => !id.EndsWith("ProblemDetails", StringComparison.Ordinal)))
        {
            if (components[id] is OpenApiSchema { Properties.Count: > 0 } schema)
            {
                schema.Required = new HashSet<string>(schema.Properties.Keys);
            }
        }

        foreach (var id in sentByClients.Except(sentByServer))
        {
            if (components[id] is OpenApiSchema { Required.Count: > 0, Properties: { } properties } schema)
            {
                foreach (var name in schema.Required.Where(name => properties.TryGetValue(name, out var property) && AcceptsNull(property)).ToList())
                {
                    schema.Required.Remove(name);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static bool AcceptsNull(IOpenApiSchema property) =>
        property.Type?.HasFlag(JsonSchemaType.Null) == true
        || property.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true
        || property.AnyOf?.Any(s => s.Type == JsonSchemaType.Null) == true;
}
