using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>
/// Files declared as files, so generators hand them over as streams or blobs instead of parsing them: downloads in
/// a file format (CSV, iCalendar, an evidence file) are binary strings, and an upload form is one flat object whose
/// file part is a binary string (or an array of them, for several files). The generator writes a form as allOf(fields, file), which generated clients send without the
/// fields. A required field is never null; an optional one stays nullable, which is how generated clients learn
/// that they may leave it out.
/// </summary>
public sealed class FileContentTransformer : IOpenApiDocumentTransformer
{
    private static readonly HashSet<string> FileMediaTypes = ["text/csv", "text/calendar", "application/octet-stream"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var operation in SchemaGraph.Operations(document))
        {
            foreach (var (mediaType, content) in (operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>()).SelectMany(r => r.Content ?? new Dictionary<string, OpenApiMediaType>()))
            {
                if (FileMediaTypes.Contains(mediaType))
                {
                    content.Schema = Binary();
                }
            }

            if (operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var form) == true && form.Schema is { } schema)
            {
                form.Schema = Flattened(components, schema);
            }
        }

        // The form's parts (the fields type, the file type) are now written inline.
        SchemaGraph.RemoveUnused(document);
        return Task.CompletedTask;
    }

    private static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };

    private static IOpenApiSchema Flattened(IDictionary<string, IOpenApiSchema> components, IOpenApiSchema schema)
    {
        var target = schema is OpenApiSchemaReference { Reference.Id: { } id } && components.TryGetValue(id, out var resolved) ? resolved : schema;
        if (target is not OpenApiSchema form)
        {
            return schema;
        }

        var flat = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = form.Description,
            Properties = new Dictionary<string, IOpenApiSchema>(),
            Required = new HashSet<string>(),
        };
        foreach (var part in new[] { form }.Concat(form.AllOf ?? []))
        {
            var source = part is OpenApiSchemaReference { Reference.Id: { } partId } && components.TryGetValue(partId, out var p) ? p : part;
            flat.Description ??= source.Description;
            foreach (var name in source.Required ?? new HashSet<string>())
            {
                flat.Required.Add(name);
            }

            foreach (var (name, property) in source.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                flat.Properties[name] = FieldOf(components, property, required: source.Required?.Contains(name) == true, out var isFile);
                if (isFile)
                {
                    flat.Required.Add(name);
                }
            }
        }

        if (schema is OpenApiSchemaReference { Reference.Id: { } formId })
        {
            components[formId] = flat;
            return schema;
        }

        return flat;
    }

    private static IOpenApiSchema FieldOf(IDictionary<string, IOpenApiSchema> components, IOpenApiSchema property, bool required, out bool isFile)
    {
        var target = property is OpenApiSchemaReference { Reference.Id: { } id } && components.TryGetValue(id, out var resolved) ? resolved : property;
        isFile = target.Format == "binary";
        if (isFile)
        {
            return Binary();
        }

        var items = target.Items is OpenApiSchemaReference { Reference.Id: { } itemsId } && components.TryGetValue(itemsId, out var resolvedItems) ? resolvedItems : target.Items;
        if (target.Type?.HasFlag(JsonSchemaType.Array) == true && items?.Format == "binary")
        {
            isFile = true;
            return new OpenApiSchema { Type = JsonSchemaType.Array, Items = Binary() };
        }

        if (!required)
        {
            return property;
        }

        if (property is OpenApiSchema { Type: { } type } inline && type.HasFlag(JsonSchemaType.Null))
        {
            inline.Type = type & ~JsonSchemaType.Null;
        }
        else if (property is OpenApiSchema { OneOf: { Count: 2 } choices } && choices.FirstOrDefault(c => c.Type != JsonSchemaType.Null) is { } nonNull)
        {
            return nonNull;
        }

        return property;
    }
}
