using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>
/// A nullable field of a request body may be left out: the server's serializer binds a missing property as null,
/// exactly as it binds an explicit null. Positional records mark every constructor parameter required, which makes
/// generated clients demand fields the server does not. Response schemas keep them required, because the server
/// always writes them (as null when empty).
/// </summary>
public sealed class OptionalRequestFieldsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var operations = SchemaGraph.Operations(document).ToList();

        var sentByClients = SchemaGraph.Reachable(components, operations.SelectMany(o => o.RequestBody?.Content?.Values ?? []).Select(m => m.Schema));
        var sentByServer = SchemaGraph.Reachable(components, operations
            .SelectMany(o => o.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            .SelectMany(r => r.Content?.Values ?? []).Select(m => m.Schema));

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
