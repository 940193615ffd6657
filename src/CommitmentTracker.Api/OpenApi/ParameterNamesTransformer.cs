using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>
/// Query parameters bound from [AsParameters] records are documented with their property names ("PageSize");
/// the binder ignores case and the README writes them camelCase, so the contract (and generated clients) use
/// "pageSize" like the JSON bodies do.
/// </summary>
public sealed class ParameterNamesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query && p.Name is not null))
        {
            parameter.Name = ContractName(parameter.Name!);
        }

        return Task.CompletedTask;
    }

    /// <summary>A query parameter's name as the contract writes it ("PageSize" → "pageSize").</summary>
    public static string ContractName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
