using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>
/// Operations that answer 428 require If-Match and those that answer 412 accept it; the endpoints read the header
/// from the request rather than binding it, so it is declared here for clients to send the ETag of their last read.
/// </summary>
public sealed class ConditionalHeadersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var required = operation.Responses?.ContainsKey("428") == true;
        if ((required || operation.Responses?.ContainsKey("412") == true) && operation.Parameters?.Any(p => p.Name == "If-Match") != true)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = required,
                Description = "The ETag of your last read of this resource; the change is refused (412) if someone saved since.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = "\"3-n\"",
            });
        }

        return Task.CompletedTask;
    }
}
