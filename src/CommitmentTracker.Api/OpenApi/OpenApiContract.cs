using Microsoft.AspNetCore.OpenApi;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>
/// Everything that makes /openapi/v1.json complete enough to generate a typed client from. Each part works from
/// endpoint metadata and types, not from a list of endpoints, so endpoints added later are covered too.
/// </summary>
public static class OpenApiContract
{
    public static OpenApiOptions AddContract(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CommitmentTracker API";
            document.Info.Version = "v1";
            document.Info.Description = "Commitments made at official meetings, each tied to the exact words it came from, with an append-only status log.";
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer<SchemaTypesTransformer>();
        // In this order: the problem responses look at the parameters (If-Match included) the earlier ones settle.
        options.AddOperationTransformer<ParameterNamesTransformer>();
        options.AddOperationTransformer<ConditionalHeadersTransformer>();
        options.AddOperationTransformer<ExamplesTransformer>();
        options.AddOperationTransformer<ProblemResponsesTransformer>();
        options.AddOperationTransformer<SecurityTransformer>();
        options.AddDocumentTransformer<SecurityTransformer>();
        options.AddDocumentTransformer<NamedBodySchemasTransformer>();
        return options;
    }
}
