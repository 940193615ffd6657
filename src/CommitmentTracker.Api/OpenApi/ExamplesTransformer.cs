using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>
/// Attaches the examples of <see cref="RequestExamples"/> to request bodies (by the bound type) and parameters
/// (by name), serialized exactly as the API reads JSON: camelCase names, enums as names.
/// </summary>
public sealed class ExamplesTransformer(IOptions<HttpJsonOptions> json) : IOpenApiOperationTransformer
{
    private readonly JsonSerializerOptions _options = new(json.Value.SerializerOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // A form's fields and its files all come as form parameters; the fields' type carries the example.
        var bound = context.Description.ParameterDescriptions
            .Where(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form || p.Source == BindingSource.FormFile)
            .ToList();
        var files = bound.Where(p => typeof(IFormFile).IsAssignableFrom(p.Type) || typeof(IFormFileCollection).IsAssignableFrom(p.Type)).ToList();
        var body = bound.Except(files).FirstOrDefault();
        if (operation.RequestBody?.Content is { } content && body is not null && RequestExamples.Bodies.TryGetValue(body.Type, out var example))
        {
            foreach (var mediaType in content.Values)
            {
                var node = JsonSerializer.SerializeToNode(example, body.Type, _options)!;
                foreach (var file in files)
                {
                    // A form that takes several files is declared as an array of them; its example must be one too.
                    node[file.Name] = typeof(IFormFileCollection).IsAssignableFrom(file.Type) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(file.Type)
                        ? new JsonArray(RequestExamples.UploadedFile)
                        : RequestExamples.UploadedFile;
                }

                mediaType.Example = node;
            }
        }

        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Path && CollectionOf(context.Description.RelativePath, parameter.Name) is { } collection
                && RequestExamples.IdsOrCodes.TryGetValue(collection, out var idOrCode))
            {
                parameter.Example = idOrCode;
            }
            else if (parameter.In == ParameterLocation.Query && parameter.Name is { } name && RequestExamples.Parameters.TryGetValue(name, out var value))
            {
                parameter.Example = JsonSerializer.SerializeToNode(value, value.GetType(), _options);
            }
        }

        return Task.CompletedTask;
    }

    // "api/v1/meetings/{idOrCode}/candidates" and "idOrCode" → "meetings".
    private static string? CollectionOf(string? route, string? parameter)
    {
        var segments = (route ?? string.Empty).Split('/');
        var at = Array.FindIndex(segments, s => s.StartsWith('{') && s.TrimStart('{').Split(':', '}')[0] == parameter);
        return at > 0 ? segments[at - 1] : null;
    }
}
