using Microsoft.OpenApi;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>Which component schemas a set of schemas uses, directly or through other components.</summary>
public static class SchemaGraph
{
    public static IEnumerable<OpenApiOperation> Operations(OpenApiDocument document) =>
        (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>());

    /// <summary>Drops component schemas nothing in the paths uses any more (after a transformer inlined them).</summary>
    public static void RemoveUnused(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } components)
        {
            return;
        }

        var roots = Operations(document).SelectMany(o =>
            (o.RequestBody?.Content?.Values ?? []).Select(m => m.Schema)
                .Concat((o.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>()).SelectMany(r => r.Content?.Values ?? []).Select(m => m.Schema))
                .Concat((o.Parameters ?? []).Select(p => p.Schema)));
        var used = Reachable(components, roots);
        foreach (var id in components.Keys.Where(id => !used.Contains(id)).ToList())
        {
            components.Remove(id);
        }
    }

    public static HashSet<string> Reachable(IDictionary<string, IOpenApiSchema> components, IEnumerable<IOpenApiSchema?> roots)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<IOpenApiSchema>(roots.OfType<IOpenApiSchema>());
        while (pending.TryPop(out var schema))
        {
            if (schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (seen.Add(id) && components.TryGetValue(id, out var target))
                {
                    pending.Push(target);
                }

                continue;
            }

            foreach (var child in Children(schema))
            {
                pending.Push(child);
            }
        }

        return seen;
    }

    private static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema) =>
        (schema.Properties?.Values ?? Enumerable.Empty<IOpenApiSchema>())
            .Concat(schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? [])
            .Concat(new[] { schema.Items, schema.AdditionalProperties }.OfType<IOpenApiSchema>());
}
